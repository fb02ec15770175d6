namespace SocialRoi.Domain.Audience;

/// <summary>SPEC §2: an audience member is the pair (platform, actor) within one account.</summary>
public readonly record struct Member(string Platform, string Actor) : IComparable<Member>
{
    public int CompareTo(Member other)
    {
        var byPlatform = Utf8Order.Compare(Platform, other.Platform);
        return byPlatform != 0 ? byPlatform : Utf8Order.Compare(Actor, other.Actor);
    }

    public override string ToString() => $"{Platform}:{Actor}";
}
