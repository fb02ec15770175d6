namespace SocialRoi.Domain.Events;

/// <summary>
/// An event's account and platform, held together: an account's events name only a few such pairs,
/// so each event refers to one shared pair instead of to both names.
/// </summary>
/// <remarks>The account is missing only while an event is being built with its platform set first.</remarks>
internal sealed record AccountOnPlatform(string? Account, string Platform)
{
    // An event is built one field at a time, so setting its platform needs a pair. The log's and the
    // snapshot's readers share names, so they ask for the same few pairs of the very same strings over
    // and over: each thread keeps the pairs it made last and gives one back when both strings match.
    // A pair made per event read back left garbage between the million events an activation keeps,
    // and building the indexes over them took ~25 % longer.
    private const int Remembered = 8;
    [ThreadStatic] private static AccountOnPlatform?[]? t_recent;

    public static AccountOnPlatform Of(string? account, string platform)
    {
        var recent = t_recent ??= new AccountOnPlatform?[Remembered];
        foreach (var pair in recent)
        {
            if (pair is not null && ReferenceEquals(pair.Account, account) && ReferenceEquals(pair.Platform, platform)) return pair;
        }
        var made = new AccountOnPlatform(account, platform);
        Array.Copy(recent, 0, recent, 1, Remembered - 1);
        recent[0] = made;
        return made;
    }
}
