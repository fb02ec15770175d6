namespace SocialRoi.Domain.Audience;

/// <summary>SPEC §2: exactly one tier per member, lowest intent first.</summary>
public enum AudienceTier { Vanity, Engaged, Conversational, Lead, Customer }

public static class AudienceTierNames
{
    public static IReadOnlyList<string> All => WireNames<AudienceTier>.All;

    public static string Wire(this AudienceTier tier) => WireNames<AudienceTier>.Of(tier);

    public static bool TryParse(string name, out AudienceTier tier) => WireNames<AudienceTier>.TryParse(name, out tier);
}
