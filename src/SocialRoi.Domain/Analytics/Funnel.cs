using System.Buffers;
using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

/// <summary>What a funnel row is keyed by (SPEC §7 <c>by=</c>).</summary>
public enum FunnelDimension { Platform, Post, Campaign }

/// <summary>SPEC §7: one funnel row, content → engagement → conversation → revenue, with its cost.</summary>
public sealed record FunnelRow(
    string Key,
    int Posts,
    long Impressions,
    int Likes,
    int Engagements,
    int Conversations,
    decimal AttributedLeads,
    decimal AttributedConversions,
    decimal AttributedRevenue,
    decimal? Cost,
    decimal? Roi);

/// <summary>SPEC §7 funnel: events and attribution credits over a range, grouped by platform, post or campaign.</summary>
public static class Funnel
{
    public static IReadOnlyList<FunnelRow> Compute(
        HistoryIndex index, Attribution attribution, AccountSettings settings, TimeRange range, FunnelDimension by)
    {
        using var tally = new Tally(index, by);
        CountEvents(index, range, tally);
        CreditConversions(index, attribution, range, tally);
        return tally.Rows(settings.Margin);
    }

    // Most events are read as the index's rows, contiguous and keyed by number; no lambdas here:
    // one capturing the event was allocated for each of the range's events.
    private static void CountEvents(HistoryIndex index, TimeRange range, Tally tally)
    {
        foreach (var run in index.PostFactsIn(range))
        {
            foreach (var post in run.Span)
            {
                if (tally.KeyOf(post.Keys, EventType.Post) is var key and not FunnelNames.None) tally.Posted(key);
            }
        }
        foreach (var run in index.FunnelFactsIn(range))
        {
            foreach (var fact in run.Span)
            {
                if (tally.KeyOf(fact.Keys, fact.Type) is var key and not FunnelNames.None) tally.Count(key, fact);
            }
        }
        foreach (var run in index.ImpressionRowsIn(range))
        {
            foreach (var impression in run.Span)
            {
                if (tally.KeyOf(impression.Keys, EventType.Impression) is var key and not FunnelNames.None) tally.Seen(key, impression.Count);
            }
        }
        foreach (var run in index.Conversations.InboundIn(range))
        {
            foreach (var inbound in run.Span)
            {
                if (inbound.IsAnswered && tally.KeyOf(inbound.Keys, inbound.Type) is var key and not FunnelNames.None) tally.Conversation(key);
            }
        }
        foreach (var run in index.FunnelCostsIn(range))
        {
            foreach (var cost in run.Span)
            {
                if (tally.KeyOf(cost.Keys, EventType.Cost) is var key and not FunnelNames.None)
                {
                    var row = tally.MoneyRowFor(key);
                    row.Cost = (row.Cost ?? 0) + cost.Amount;
                }
            }
        }
    }

    private static void CreditConversions(HistoryIndex index, Attribution attribution, TimeRange range, Tally tally)
    {
        foreach (var run in index.LeadsIn(range))
        {
            foreach (var lead in run.Span)
            {
                foreach (var credit in attribution.CreditsFor(lead))
                {
                    if (tally.CreditedRow(credit) is { } row) row.Leads += credit.Credit;
                }
            }
        }
        // Purchases and refunds in (at, id) order, as a rebuild reads them: decimal sums of credit
        // shares can round in their last digit, differently in another order.
        foreach (var run in index.PurchasesAndRefundsIn(range))
        {
            foreach (var e in run.Span)
            {
                if (e.Type == EventType.Purchase)
                {
                    foreach (var credit in attribution.CreditsFor(e))
                    {
                        if (tally.CreditedRow(credit) is not { } row) continue;
                        row.Conversions += credit.Credit;
                        row.Revenue += credit.Credit * e.Amount;
                    }
                }
                else // SPEC §4: a refund takes back its purchase's credits, weighted by the refund amount
                {
                    foreach (var credit in attribution.CreditsTakenBackBy(e))
                    {
                        if (tally.CreditedRow(credit) is { } row) row.Revenue -= credit.Credit * e.Amount;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The rows of one funnel by their key's number, each made as the first event or credit for its
    /// key is met. The counts sit in one array by key: counting into one object per row, scattered
    /// over the heap, missed the cache at every event. The array is rented: a million-event account
    /// has ~25,000 names, and a new array of that size per query went to the large object heap,
    /// whose garbage only a full collection takes.
    /// </summary>
    private sealed class Tally : IDisposable
    {
        private const int NotLookedUp = -2;

        private readonly HistoryIndex _index;
        private readonly FunnelDimension _by;
        private readonly FunnelNames _names;
        private readonly KeyTally[] _tallies;
        private readonly List<int> _keys = [];
        // Per campaign, each post's campaign as its post event names it, looked up once per post.
        private readonly int[]? _campaignOfPost;

        public Tally(HistoryIndex index, FunnelDimension by)
        {
            (_index, _by, _names) = (index, by, index.FunnelNames);
            _tallies = ArrayPool<KeyTally>.Shared.Rent(_names.Count); // zeroed: only tallies use this pool, and they return arrays cleared
            if (by != FunnelDimension.Campaign) return;
            _campaignOfPost = ArrayPool<int>.Shared.Rent(_names.Count);
            Array.Fill(_campaignOfPost, NotLookedUp, 0, _names.Count);
        }

        public void Posted(int key) => Make(key).Posts++;

        public void Count(int key, in FunnelFact fact)
        {
            ref var tally = ref Make(key);
            if (fact.Type == EventType.Like) tally.Likes++;
            else if (fact.Type.IsEngagement()) tally.Engagements++;
        }

        public void Seen(int key, long impressions) => Make(key).Impressions += impressions;

        public void Conversation(int key) => Make(key).Conversations++;

        /// <summary>The cost and credits of a row.</summary>
        public MoneyRow MoneyRowFor(int key) => Make(key).Money ??= new MoneyRow();

        private ref KeyTally Make(int key)
        {
            ref var tally = ref _tallies[key];
            if (!tally.Made)
            {
                tally.Made = true;
                _keys.Add(key);
            }
            return ref tally;
        }

        /// <summary>
        /// Where an event counts: per post, events carrying that post; per platform, events on it;
        /// per campaign, posts and costs under their own campaign, other events under their post's.
        /// </summary>
        public int KeyOf(FunnelKeys keys, EventType type) => _by switch
        {
            FunnelDimension.Post => keys.Post,
            FunnelDimension.Platform => keys.Platform,
            _ when type is EventType.Post or EventType.Cost => keys.Campaign,
            _ => keys.Post == FunnelNames.None ? FunnelNames.None : CampaignOf(keys.Post),
        };

        // A key appears for a non-zero credit; credits on posts without a campaign make no campaign row.
        public MoneyRow? CreditedRow(in TouchCredit credit)
        {
            var key = _by switch
            {
                FunnelDimension.Post => credit.Post,
                FunnelDimension.Platform => credit.Platform,
                _ => credit.Campaign,
            };
            return credit.Credit != 0 && key != FunnelNames.None ? MoneyRowFor(key) : null;
        }

        public IReadOnlyList<FunnelRow> Rows(decimal margin)
        {
            var ranks = _names.OrdinalRanks();
            _keys.Sort((a, b) => ranks[a].CompareTo(ranks[b]));
            var rows = new List<FunnelRow>(_keys.Count);
            foreach (var key in _keys)
            {
                ref readonly var tally = ref _tallies[key];
                var money = tally.Money ?? MoneyRow.Nothing;
                rows.Add(new FunnelRow(_names[key], tally.Posts, tally.Impressions, tally.Likes, tally.Engagements, tally.Conversations,
                    money.Leads, money.Conversions, money.Revenue, money.Cost,
                    money.Cost is { } cost ? MoneyFigures.RoiOf(money.Revenue, margin, cost) : null));
            }
            return rows;
        }

        public void Dispose()
        {
            ArrayPool<KeyTally>.Shared.Return(_tallies, clearArray: true);
            if (_campaignOfPost is not null) ArrayPool<int>.Shared.Return(_campaignOfPost);
        }

        private int CampaignOf(int post)
        {
            ref var campaign = ref _campaignOfPost![post];
            if (campaign == NotLookedUp) campaign = _names.SlotOf(_index.PostEvent(_names[post])?.Campaign);
            return campaign;
        }
    }

    /// <summary>What one key's row has counted so far.</summary>
    private struct KeyTally
    {
        public bool Made;
        public int Posts, Likes, Engagements, Conversations;
        public long Impressions;
        public MoneyRow? Money;
    }

    /// <summary>A row's cost and credits: few events and credits add to them.</summary>
    private sealed class MoneyRow
    {
        public static readonly MoneyRow Nothing = new();

        public decimal Leads, Conversions, Revenue;
        public decimal? Cost;
    }
}
