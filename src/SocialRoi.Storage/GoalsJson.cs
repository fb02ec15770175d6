using System.Text.Json;
using SocialRoi.Domain.Accounts;

namespace SocialRoi.Storage;

/// <summary>The accounts catalog keeps goals as one JSON array per account.</summary>
internal static class GoalsJson
{
    public static string Write(IReadOnlyList<Goal> goals) => JsonSerializer.Serialize(goals);

    public static IReadOnlyList<Goal> Read(string json) => JsonSerializer.Deserialize<List<Goal>>(json) ?? [];
}
