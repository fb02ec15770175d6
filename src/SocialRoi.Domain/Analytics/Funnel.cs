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
        var tally = new Tally(index, by);

        // Most events are read as the index's funnel facts, contiguous rows keyed by number; no
        // lambdas here: one capturing the event was allocated for each of the range's events.
        foreach (var run in index.FunnelFactsIn(range))
        {
            foreach (var fact in run.Span)
            {
                if (tally.KeyOf(fact.Keys, fact.Type) is var key and not FunnelNames.None) tally.Count(key, fact);
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

        foreach (var lead in index.InRange(range, EventType.Lead))
        {
            foreach (var credit in attribution.CreditsFor(lead))
            {
                if (tally.CreditedRow(credit) is { } row) row.Leads += credit.Credit;
            }
        }
        // Purchases and refunds in (at, id) order, as a rebuild reads them: decimal sums of credit
        // shares can round in their last digit, differently in another order.
        foreach (var e in TimeOrder.Merge(index.InRange(range, EventType.Purchase), index.InRange(range, EventType.Refund)))
        {
            if (e.Type == EventType.Purchase)
            {
                foreach (var credit in attribution.CreditsFor(e))
                {
                    if (tally.CreditedRow(credit) is not { } row) continue;
                    row.Conversions += credit.Credit;
                    row.Revenue += credit.Credit * e.Amount!.Value;
                }
            }
            else // SPEC §4: a refund takes back its purchase's credits, weighted by the refund amount
            {
                foreach (var credit in attribution.CreditsTakenBackBy(e))
                {
                    if (tally.CreditedRow(credit) is { } row) row.Revenue -= credit.Credit * e.Amount!.Value;
                }
            }
        }
        return tally.Rows(settings.Margin);
    }

    /// <summary>
    /// The rows of one funnel by their key's number, each made as the first event or credit for its
    /// key is met. The counts of the many events sit in arrays by key, small enough to stay in the
    /// cache: counting into one object per row, scattered over the heap, missed it at every event.
    /// </summary>
    private sealed class Tally(HistoryIndex index, FunnelDimension by)
    {
        private const int NotLookedUp = -2;

        private readonly FunnelNames _names = index.FunnelNames;
        private readonly bool[] _made = new bool[index.FunnelNames.Count];
        private readonly List<int> _keys = [];
        private readonly long[] _impressions = new long[index.FunnelNames.Count];
        private readonly int[] _posts = new int[index.FunnelNames.Count];
        private readonly int[] _likes = new int[index.FunnelNames.Count];
        private readonly int[] _engagements = new int[index.FunnelNames.Count];
        private readonly int[] _conversations = new int[index.FunnelNames.Count];
        private readonly MoneyRow?[] _money = new MoneyRow?[index.FunnelNames.Count];
        // Per campaign, each post's campaign as its post event names it, looked up once per post.
        private readonly int[]? _campaignOfPost = by == FunnelDimension.Campaign ? NotLookedUpFor(index.FunnelNames.Count) : null;

        public void Count(int key, in FunnelFact fact)
        {
            Make(key);
            if (fact.Type == EventType.Impression) _impressions[key] += fact.Impressions;
            else if (fact.Type == EventType.Post) _posts[key]++;
            else if (fact.Type == EventType.Like) _likes[key]++;
            else if (fact.Type.IsEngagement()) _engagements[key]++;
        }

        public void Conversation(int key)
        {
            Make(key);
            _conversations[key]++;
        }

        /// <summary>The cost and credits of a row.</summary>
        public MoneyRow MoneyRowFor(int key)
        {
            Make(key);
            return _money[key] ??= new MoneyRow();
        }

        private void Make(int key)
        {
            if (_made[key]) return;
            _made[key] = true;
            _keys.Add(key);
        }

        /// <summary>
        /// Where an event counts: per post, events carrying that post; per platform, events on it;
        /// per campaign, posts and costs under their own campaign, other events under their post's.
        /// </summary>
        public int KeyOf(FunnelKeys keys, EventType type) => by switch
        {
            FunnelDimension.Post => keys.Post,
            FunnelDimension.Platform => keys.Platform,
            _ when type is EventType.Post or EventType.Cost => keys.Campaign,
            _ => keys.Post == FunnelNames.None ? FunnelNames.None : CampaignOf(keys.Post),
        };

        // A key appears for a non-zero credit; credits on posts without a campaign make no campaign row.
        public MoneyRow? CreditedRow(in TouchCredit credit)
        {
            var key = by switch
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
            return _keys.Select(key =>
            {
                var money = _money[key] ?? MoneyRow.Nothing;
                return new FunnelRow(_names[key], _posts[key], _impressions[key], _likes[key], _engagements[key], _conversations[key],
                    money.Leads, money.Conversions, money.Revenue, money.Cost,
                    money.Cost is { } cost ? MoneyFigures.RoiOf(money.Revenue, margin, cost) : null);
            }).ToList();
        }

        private int CampaignOf(int post)
        {
            ref var campaign = ref _campaignOfPost![post];
            if (campaign == NotLookedUp) campaign = _names.SlotOf(index.PostEvent(_names[post])?.Campaign);
            return campaign;
        }

        private static int[] NotLookedUpFor(int posts)
        {
            var campaigns = new int[posts];
            Array.Fill(campaigns, NotLookedUp);
            return campaigns;
        }
    }

    /// <summary>A row's cost and credits: few events and credits add to them.</summary>
    private sealed class MoneyRow
    {
        public static readonly MoneyRow Nothing = new();

        public decimal Leads, Conversions, Revenue;
        public decimal? Cost;
    }
}
