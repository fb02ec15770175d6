namespace SocialRoi.Domain.Audience;

/// <summary>SPEC §2: exactly one tier per member, lowest intent first.</summary>
public enum AudienceTier { Vanity, Engaged, Conversational, Lead, Customer }

public static class AudienceTierNames
{
    public static string Wire(this AudienceTier tier) => tier.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out AudienceTier tier)
    {
        foreach (var candidate in Enum.GetValues<AudienceTier>())
        {
            if (candidate.Wire() == name) { tier = candidate; return true; }
        }
        tier = default;
        return false;
    }
}
