namespace SocialRoi.Domain.Analytics;

/// <summary>
/// The instants, in ticks, of the replies that name one id before an event with it is indexed:
/// nearly always one reply, so no list. An answer needs nothing else of a reply.
/// </summary>
internal readonly record struct EarlyReplies(long First, long[]? Later)
{
    public EarlyReplies And(long at) => this with { Later = [.. Later ?? [], at] };

    public IEnumerable<DateTimeOffset> Instants => new[] { First }.Concat(Later ?? []).Select(ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
