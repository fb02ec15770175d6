using System.ComponentModel.DataAnnotations;
using SocialRoi.Domain.Events;

namespace SocialRoi.Server.Apis;

/// <summary>One event as POST /events takes it (SPEC §1), for the OpenAPI document; which type takes which field is in the spec.</summary>
public sealed class EventBody
{
    public required string Id { get; init; }
    public required string Account { get; init; }
    public required string Type { get; init; }
    public required string At { get; init; }
    public string? Platform { get; init; }
    public string? Actor { get; init; }
    public string? Customer { get; init; }
    public string? Post { get; init; }
    public string? Ref { get; init; }
    [Range(1, EventReader.MaxCount)] public long? Count { get; init; }
    [Range(0, (double)EventReader.MaxAmount)] public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public string? Campaign { get; init; }
    public string? Category { get; init; }
    public bool? Promotional { get; init; }
    public bool? Automated { get; init; }
    public string? ContentHash { get; init; }
    public double? Sentiment { get; init; }
    public bool? Owned { get; init; }
}
