using System.Numerics;
using System.Runtime.InteropServices;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Health;

/// <summary>
/// What the posting checks of SPEC §8 read of the window's post events, gathered in one pass: a
/// quarter's posts were otherwise grouped five ways, which took most of a health check's time.
/// </summary>
internal sealed record PostingPattern(
    int Posts,
    int Recent,
    int Earlier,
    int Promotional,
    int WeeksWithAPost,
    double? BusiestDailyRate,
    int? MostRepeats,
    double? SharedEverywhere)
{
    private static readonly long WeekTicks = TimeSpan.FromDays(7).Ticks;

    /// <param name="posts">The post events of the window [asOf − 90 days, asOf), in (at, id) order.</param>
    public static PostingPattern Of(IEnumerable<EngagementEvent> posts, DateTimeOffset asOf)
    {
        var halfway = CalendarEdges.Before(asOf, HealthFigures.Window / 2);
        int count = 0, recent = 0, promotional = 0;
        ulong weeks = 0; // bit w: a post in week w, counted back from asOf (week 0 is [asOf − 7 d, asOf)); the window holds 13
        var platforms = new Dictionary<string, (int Posts, int Days, DateTime LastDay)>(StringComparer.Ordinal);
        var repeats = new Dictionary<(string Platform, string Hash), int>();
        var platformsByHash = new Dictionary<string, int>(StringComparer.Ordinal); // how many platforms carried each content hash
        foreach (var post in posts)
        {
            count++;
            if (post.At >= halfway) recent++;
            if (post.Promotional == true) promotional++;
            weeks |= 1UL << (int)(((asOf - post.At).Ticks - 1) / WeekTicks);
            // Posts come in time order, so a platform's days are distinct when they differ from its last one.
            ref var platform = ref CollectionsMarshal.GetValueRefOrAddDefault(platforms, post.Platform!, out _);
            var day = post.At.UtcDateTime.Date;
            platform = (platform.Posts + 1, platform.Days == 0 || day != platform.LastDay ? platform.Days + 1 : platform.Days, day);
            if (post.ContentHash is not { } hash) continue;
            ref var times = ref CollectionsMarshal.GetValueRefOrAddDefault(repeats, (post.Platform!, hash), out var seenOnPlatform);
            times++;
            if (!seenOnPlatform) CollectionsMarshal.GetValueRefOrAddDefault(platformsByHash, hash, out _)++;
        }
        return new PostingPattern(count, recent, count - recent, promotional, BitOperations.PopCount(weeks),
            platforms.Count == 0 ? null : platforms.Values.Max(p => (double)p.Posts / p.Days),
            repeats.Count == 0 ? null : repeats.Values.Max(),
            platformsByHash.Count == 0 ? null : (double)platformsByHash.Values.Count(onPlatforms => onPlatforms >= 3) / platformsByHash.Count);
    }
}
