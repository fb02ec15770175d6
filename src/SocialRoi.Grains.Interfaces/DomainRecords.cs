using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using SocialRoi.Domain.Events;

namespace SocialRoi.Grains.Interfaces;

/// <summary>
/// How the domain's records cross grain calls. The Domain project references nothing, Orleans
/// included (docs/decisions.md), so its records travel between silos as System.Text.Json, and
/// within a silo they are passed by reference: every domain record is immutable once built.
/// </summary>
public static class DomainRecords
{
    private static readonly System.Reflection.Assembly Domain = typeof(EngagementEvent).Assembly;

    public static ISerializerBuilder AddDomainRecords(this ISerializerBuilder serializer)
    {
        serializer.AddJsonSerializer(isSerializable: IsDomainType, isCopyable: null);
        serializer.Services.AddSingleton<IGeneralizedCopier, PassByReference>();
        return serializer;
    }

    private static bool IsDomainType(Type type) => type.Assembly == Domain;

    private sealed class PassByReference : IGeneralizedCopier
    {
        public object? DeepCopy(object? input, CopyContext context) => input;

        public bool IsSupportedType(Type type) => IsDomainType(type);
    }
}
