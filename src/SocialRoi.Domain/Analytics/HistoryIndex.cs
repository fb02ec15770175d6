using SocialRoi.Domain.Accounts;
using SocialRoi.Domain.Audience;
using SocialRoi.Domain.Events;
using SocialRoi.Domain.Time;

namespace SocialRoi.Domain.Analytics;

/// <summary>
/// Lookups derived from an event set, each list ordered by (at, id). Built once when an account
/// activates; after that every new event is added in place (<see cref="Add"/>), exactly where a
/// rebuild would have put it, so no query pays for a rebuild.
/// </summary>
public sealed class HistoryIndex
{
    private static readonly IReadOnlyList<Member> NoMembers = [];
    private static readonly IReadOnlyList<EngagementEvent> NoEvents = [];

    // The events split by type: a summary counts and reads the few types it needs, not the whole range.
    // No list holds every event in order: no figure reads one, and it would cost a reference and an
    // ordered insertion per event.
    private readonly OrderedEvents[] _byType = Enum.GetValues<EventType>().Select(_ => new OrderedEvents()).ToArray();
    private readonly Dictionary<string, List<EngagementEvent>> _conversionsByCustomer = new(StringComparer.Ordinal);
    // Only what a refund (a purchase) or a reply (an inbound event) can refer to: most events never are.
    private readonly Dictionary<string, EngagementEvent> _referable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Member>> _membersByCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<Member, SortedSet<string>> _customersByMember = new();
    private readonly AudienceTable _audience = new();
    private readonly FollowerTimeline _followers = new();
    // Replies indexed before the event they answer, by the id they name. A reply to an event already
    // here only moves that event's first answer, so most replies are never kept here. Those kept
    // may wait for good (an export's replies to comments from before its window): only their instants are.
    private readonly Dictionary<string, EarlyReplies> _earlyReplies = new(StringComparer.Ordinal);
    // Each answered inbound event's first answer, by its id, kept by ingest: response times, the
    // funnel and health ask for it per inbound event, and reading it from the replies took a
    // lookup, the reply list and its first replies, each a cache miss.
    private readonly Dictionary<string, DateTimeOffset> _firstAnswers = new(StringComparer.Ordinal);
    private readonly ConversationTable _conversations = new();
    private readonly FunnelNames _funnelNames = new();
    private readonly TimedRows<FunnelFact> _funnelFacts = new();
    private readonly TimedRows<PostFact> _postFacts = new();
    private readonly TimedRows<FunnelCost> _funnelCosts = new();
    // Each impression event's count: a summary adds up a quarter's ~25,000 of them.
    private readonly TimedRows<ImpressionCount> _impressions = new();
    private readonly Dictionary<string, EngagementEvent> _postEvents = new(StringComparer.Ordinal);
    private readonly RememberedCredits _credits = new();
    // Leads and purchases by number, in the order they were indexed, and each one's number.
    private readonly List<EngagementEvent> _conversions = [];
    private readonly Dictionary<string, int> _conversionNumbers = new(StringComparer.Ordinal); // by the lead's or purchase's id
    private readonly TimedRows<ConversionRow> _leads = new(ConversionRow.SameInstant);
    private readonly TimedRows<ConversionRow> _purchasesAndRefunds = new(ConversionRow.SameInstant);
    // Refunds indexed before their purchase, by the purchase id they name: its number goes into their rows when it comes.
    private readonly Dictionary<string, List<EngagementEvent>> _refundsAwaitingPurchase = new(StringComparer.Ordinal);
    private Dictionary<string, DateTimeOffset>? _firstPurchases;

    public HistoryIndex(IEnumerable<EngagementEvent> events)
    {
        var ordered = TimeOrder.Sorted(events);
        // In (at, id) order each list below only grows at its end, so indexing the events one by one
        // the way ingest does costs no more than appending them. The lookups of conversations and of
        // members share nothing (both may tell the remembered credits to forget, which only reads
        // them, and there are none yet), so an activation builds them side by side, one core each:
        // a million events took ~2 s on one. Only the tier an answer gives needs both, and is
        // reached once both are built.
        Parallel.Invoke(
            () =>
            {
                foreach (var e in ordered) IndexConversations(e);
            },
            () => IndexAudienceMemberByMember(ordered));
        foreach (var (inbound, answeredAt) in _firstAnswers)
        {
            if (_referable[inbound].Member is { } writer) ReachConversational(writer, answeredAt);
        }
    }

    /// <summary>Adds an event whose id is new, in place: every list stays ordered by (at, id), as after a rebuild.</summary>
    public void Add(EngagementEvent e)
    {
        IndexConversations(e);
        IndexAudience(e);
        // SPEC §2: an answered inbound event makes its writer conversational from its first answer.
        if (e.Type == EventType.Reply && Find(e.Ref!) is { } answered) ReachConversationalIfAnswered(answered);
        else ReachConversationalIfAnswered(e); // an inbound event whose replies came first
    }

    /// <summary>Enters an event in the lookups by type, the funnel's rows, and conversations (inbound events and replies).</summary>
    private void IndexConversations(EngagementEvent e)
    {
        _byType[(int)e.Type].Add(e);
        var namesBefore = _funnelNames.Count;
        var keys = _funnelNames.Enter(e);
        if (e.Type == EventType.Cost) _funnelCosts.Add(new FunnelCost(e.At.UtcTicks, keys, e.Amount!.Value, e.Category!.Value));
        else if (e.Type == EventType.Impression) _impressions.Add(new ImpressionCount(e.At.UtcTicks, e.Count!.Value, keys));
        else if (e.Type == EventType.Post) _postFacts.Add(new PostFact(e.At.UtcTicks, keys));
        else _funnelFacts.Add(new FunnelFact(e.At.UtcTicks, keys.Post, keys.Platform, e.Type));
        if (IsReferable(e))
        {
            _referable[e.Id] = e;
            if (e.Type.IsInbound()) _conversations.AddInbound(e, keys);
            // Replies may come before what they answer: take in those already here.
            if (_earlyReplies.Remove(e.Id, out var early))
            {
                foreach (var answeredAt in early.Instants) NoteAnswer(e, answeredAt);
            }
        }
        switch (e.Type)
        {
            case EventType.Reply:
                _conversations.AddReply(e);
                if (Find(e.Ref!) is { } answered) NoteAnswer(answered, e.At);
                else _earlyReplies[e.Ref!] = _earlyReplies.TryGetValue(e.Ref!, out var others)
                    ? others.And(e.At.UtcTicks) : new EarlyReplies(e.At.UtcTicks, null);
                break;
            case EventType.Post:
                if (!_postEvents.TryGetValue(e.Post!, out var defining) || EngagementEvent.CompareByTime(e, defining) < 0)
                {
                    _postEvents[e.Post!] = e;
                    // Credits name their post's platform and campaign. No credit names a post that no event
                    // named before this one, the usual case for a live feed, where a post comes before its touches.
                    if (keys.Post < namesBefore) _credits.ForgetAll();
                }
                break;
        }
    }

    /// <summary>Enters an event in the lookups of members, customer links and conversions.</summary>
    private void IndexAudience(EngagementEvent e)
    {
        if (IsOwnEvent(e)) AddOwnEvent(_audience.For(e.Member!.Value), e);
        else IndexLinkOrConversion(e);
    }

    /// <summary>Enters any event but a member's own: identifies, leads, purchases and refunds join members and customers.</summary>
    private void IndexLinkOrConversion(EngagementEvent e)
    {
        switch (e.Type)
        {
            case EventType.Identify:
                var member = e.Member!.Value;
                var isNewLink = !(_customersByMember.TryGetValue(member, out var known) && known.Contains(e.Customer!));
                AddLink(e.Customer!, member);
                // SPEC §2: links are timeless, so the member also takes part in the customer's earlier conversions.
                if (isNewLink)
                {
                    foreach (var conversion in _conversionsByCustomer.GetValueOrDefault(e.Customer!) ?? [])
                    {
                        var number = _conversionNumbers[conversion.Id];
                        if (conversion.Member != member) AddToMember(member, conversion, number);
                        _credits.Forget(number); // it has one member more, and their touches
                    }
                }
                break;
            case EventType.Lead or EventType.Purchase:
                var next = _conversions.Count;
                _conversions.Add(e);
                _conversionNumbers[e.Id] = next;
                (e.Type == EventType.Lead ? _leads : _purchasesAndRefunds).Add(new ConversionRow(e.At.UtcTicks, e, next, e.Type, e.Amount ?? 0));
                if (e.Type == EventType.Purchase && _refundsAwaitingPurchase.Remove(e.Id, out var refunds))
                {
                    foreach (var refund in refunds) NoteRefundedPurchase(refund, next);
                }
                foreach (var converted in MembersOf(e)) AddToMember(converted, e, next);
                if (e.Customer is { } customer) AddConversionOfCustomer(customer, e);
                if (e.Type == EventType.Purchase && _firstPurchases is { } first)
                {
                    var identity = PurchaseIdentity(e);
                    if (!first.TryGetValue(identity, out var earliest) || e.At < earliest) first[identity] = e.At;
                }
                break;
            case EventType.Refund:
                var refunded = _conversionNumbers.TryGetValue(e.Ref!, out var purchase) && _conversions[purchase].Type == EventType.Purchase
                    ? purchase : ConversionRow.NoPurchase;
                _purchasesAndRefunds.Add(new ConversionRow(e.At.UtcTicks, e, refunded, e.Type, e.Amount!.Value));
                if (refunded == ConversionRow.NoPurchase)
                {
                    if (!_refundsAwaitingPurchase.TryGetValue(e.Ref!, out var awaiting)) _refundsAwaitingPurchase[e.Ref!] = awaiting = [];
                    awaiting.Add(e);
                }
                break;
            // Replies, posts and events no member makes (impressions, costs) join no member.
        }
    }

    // What a member does by itself (touches, follows, inbound messages): it joins that member alone,
    // unlike links and conversions, which join members and customers.
    private static bool IsOwnEvent(EngagementEvent e) =>
        e.Member is not null && e.Type is not (EventType.Identify or EventType.Lead or EventType.Purchase or EventType.Refund or EventType.Reply or EventType.Post);

    private void AddOwnEvent(MemberActivity activity, EngagementEvent e)
    {
        AddTo(activity, e);
        if (e.IsCreditable()) ForgetConversionsOf(activity); // one more touch to credit
        if (e.Type is EventType.Follow or EventType.Unfollow) AddFollowChange(activity, e);
    }

    /// <summary>
    /// Indexes an activation's events for the audience as <see cref="IndexAudience"/> one by one would,
    /// but with each member's own events together. Links and conversions go in (at, id) order, as
    /// ingest takes them, and each member is met in that order too. A member's own events then follow,
    /// member after member, each member's in (at, id) order: they change only that member (its events
    /// and tiers), the follower count, a sum over members, and the remembered credits, still empty.
    /// Taken in order of time, each event of a million-event account reached one of ~200,000 members'
    /// objects and lists scattered over the heap; this side of the build took twice the other's time.
    /// </summary>
    private void IndexAudienceMemberByMember(EngagementEvent[] ordered)
    {
        var slots = new int[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var e = ordered[i];
            if (IsOwnEvent(e)) slots[i] = _audience.For(e.Member!.Value).Slot;
            else
            {
                slots[i] = -1;
                IndexLinkOrConversion(e);
            }
        }
        _audience.FitToMembers(); // every member of the log is met by now
        // Each member's events in (at, id) order, member after member: a counting sort by slot.
        var own = new int[_audience.MemberCount];
        foreach (var slot in slots) if (slot >= 0) own[slot]++;
        var next = new int[own.Length];
        for (var slot = 1; slot < next.Length; slot++) next[slot] = next[slot - 1] + own[slot - 1];
        var byMember = new int[own.Sum()];
        for (var i = 0; i < slots.Length; i++) if (slots[i] >= 0) byMember[next[slots[i]]++] = i;
        // Each member's list of events grows once, to the size its events need.
        for (var slot = 0; slot < own.Length; slot++) _audience.ActivityAt(slot).ExpectEvents(own[slot]);
        foreach (var i in byMember) AddOwnEvent(_audience.ActivityAt(slots[i]), ordered[i]);
    }

    private void NoteRefundedPurchase(EngagementEvent refund, int purchase)
    {
        ref var row = ref _purchasesAndRefunds.RowAt(refund.At.UtcTicks, row => ReferenceEquals(row.Event, refund));
        row = row with { Number = purchase };
    }

    private void ForgetConversionsOf(MemberActivity member)
    {
        foreach (var conversion in member.Conversions.Span) _credits.Forget(conversion);
    }

    /// <summary>Each conversion's credits for one way of attributing, as far as computed since they last changed.</summary>
    internal CreditMemory RememberedCredits(AttributionModel model, AccountSettings settings) =>
        _credits.For(model, settings);

    /// <summary>Every event, type by type.</summary>
    public IEnumerable<EngagementEvent> Events => _byType.SelectMany(events => events);

    /// <summary>The events of one type with at in the range, in (at, id) order, found by binary search: queries never scan the whole history.</summary>
    public IEnumerable<EngagementEvent> InRange(TimeRange range, EventType type) => Slice(_byType[(int)type], range);

    /// <summary>The impressions the range's impression events count.</summary>
    public long ImpressionsIn(TimeRange range)
    {
        long impressions = 0;
        foreach (var run in _impressions.In(range))
        {
            foreach (var impression in run.Span) impressions += impression.Count;
        }
        return impressions;
    }

    /// <summary>How many events of one type lie in the range: two binary searches.</summary>
    public int CountInRange(TimeRange range, EventType type)
    {
        var ofType = _byType[(int)type];
        return Math.Max(0, ofType.FirstAtOrAfter(range.To) - ofType.FirstAtOrAfter(range.From));
    }

    private static IEnumerable<EngagementEvent> Slice(OrderedEvents ordered, TimeRange range) =>
        ordered.Between(ordered.FirstAtOrAfter(range.From), ordered.FirstAtOrAfter(range.To));

    /// <summary>SPEC §6: when each purchasing identity (customer id, else platform:actor) first bought.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FirstPurchases => _firstPurchases ??= _byType[(int)EventType.Purchase]
        .GroupBy(PurchaseIdentity, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().At, StringComparer.Ordinal);

    private static string PurchaseIdentity(EngagementEvent purchase) => purchase.Customer ?? $"{purchase.Platform}:{purchase.Actor}";

    public IEnumerable<Member> Members => _audience.Members;

    public MemberActivity? ActivityOf(Member member) => _audience.Find(member);

    /// <summary>Every member's activity, with what an audience count reads side by side.</summary>
    public AudienceTable Audience => _audience;

    /// <summary>Inbound events and replies, with what response times, the funnel and the health checks read of them.</summary>
    public ConversationTable Conversations => _conversations;

    /// <summary>Every post, platform and campaign name met, numbered.</summary>
    public FunnelNames FunnelNames => _funnelNames;

    /// <summary>The events with at in the range, but costs and impressions, as the funnel counts them: runs in order of instant.</summary>
    public IEnumerable<ReadOnlyMemory<FunnelFact>> FunnelFactsIn(TimeRange range) =>
        _funnelFacts.In(range);

    public IEnumerable<ReadOnlyMemory<PostFact>> PostFactsIn(TimeRange range) =>
        _postFacts.In(range);

    /// <summary>The impression events with at in the range: runs in order of instant.</summary>
    public IEnumerable<ReadOnlyMemory<ImpressionCount>> ImpressionRowsIn(TimeRange range) =>
        _impressions.In(range);

    /// <summary>The leads with at in the range: runs in (at, id) order.</summary>
    public IEnumerable<ReadOnlyMemory<ConversionRow>> LeadsIn(TimeRange range) =>
        _leads.In(range);

    /// <summary>The purchases and refunds with at in the range: runs in (at, id) order.</summary>
    public IEnumerable<ReadOnlyMemory<ConversionRow>> PurchasesAndRefundsIn(TimeRange range) =>
        _purchasesAndRefunds.In(range);

    /// <summary>The lead or purchase with this number, by which its credits are remembered.</summary>
    public EngagementEvent Conversion(int number) => _conversions[number];

    /// <summary>The cost events with at in the range, as money figures and the funnel count them: runs in order of instant.</summary>
    public IEnumerable<ReadOnlyMemory<FunnelCost>> FunnelCostsIn(TimeRange range) =>
        _funnelCosts.In(range);

    /// <summary>The purchase or inbound event with this id, if any: what a refund or a reply refers to.</summary>
    public EngagementEvent? Find(string id) => _referable.GetValueOrDefault(id);

    private static bool IsReferable(EngagementEvent e) => e.Type == EventType.Purchase || e.Type.IsInbound();

    /// <summary>SPEC §2: a member's events, purchases and leads it is a member of included.</summary>
    public ReadOnlyMemory<EngagementEvent> EventsOf(Member member) => _audience.Find(member)?.Events ?? default;

    /// <summary>A member's follows and unfollows, ordered by (at, id).</summary>
    public IEnumerable<(Member Member, ReadOnlyMemory<EngagementEvent> Events)> FollowHistories =>
        Enumerable.Range(0, _audience.MemberCount)
            .Select(slot => (Member: _audience.MemberAt(slot), Events: _audience.ActivityAt(slot).Follows))
            .Where(history => !history.Events.IsEmpty);

    public ReadOnlyMemory<EngagementEvent> FollowsOf(Member member) => _audience.Find(member)?.Follows ?? default;

    /// <summary>The post event that defines a post's platform and campaign, if the brand logged one.</summary>
    public EngagementEvent? PostEvent(string post) => _postEvents.GetValueOrDefault(post);

    /// <summary>The leads and purchases that name a customer, ordered by (at, id).</summary>
    public IReadOnlyList<EngagementEvent> ConversionsOf(string customer) => _conversionsByCustomer.GetValueOrDefault(customer) ?? NoEvents;

    public IReadOnlyList<Member> LinkedTo(string customer) => _membersByCustomer.GetValueOrDefault(customer) ?? NoMembers;

    /// <summary>The customer ids an identify linked to a member, in the byte order of their UTF-8.</summary>
    public IReadOnlyCollection<string> CustomersOf(Member member) =>
        _customersByMember.GetValueOrDefault(member) ?? (IReadOnlyCollection<string>)[];

    /// <summary>SPEC §2: the members of a purchase or lead: its own pair plus every member linked to its customer.</summary>
    public IEnumerable<Member> MembersOf(EngagementEvent conversion)
    {
        var own = conversion.Member;
        if (own is { } writer) yield return writer;
        if (conversion.Customer is null) yield break;
        foreach (var linked in LinkedTo(conversion.Customer))
        {
            if (linked != own) yield return linked;
        }
    }

    /// <summary>SPEC §2: a reply answers an inbound event when it refers to it and is not earlier; when the first one did.</summary>
    private DateTimeOffset? FirstAnswer(EngagementEvent inbound) => _firstAnswers.TryGetValue(inbound.Id, out var at) ? at : null;

    private void NoteAnswer(EngagementEvent inbound, DateTimeOffset replyAt)
    {
        if (!inbound.Type.IsInbound() || replyAt < inbound.At) return;
        if (_firstAnswers.TryGetValue(inbound.Id, out var known) && replyAt >= known) return;
        _firstAnswers[inbound.Id] = replyAt;
        _conversations.Answered(inbound, replyAt);
    }

    private void AddLink(string customer, Member member)
    {
        if (!_membersByCustomer.TryGetValue(customer, out var members))
            _membersByCustomer[customer] = members = [];
        if (!members.Contains(member)) members.Add(member);
        if (!_customersByMember.TryGetValue(member, out var customers))
            _customersByMember[member] = customers = new SortedSet<string>(Utf8Order.Comparer);
        customers.Add(customer);
    }

    /// <summary>Adds an event to a member's events, in (at, id) order, with the tier it reaches by itself (SPEC §2).</summary>
    private void AddToMember(Member member, EngagementEvent e, int conversion) => AddTo(_audience.For(member), e, conversion);

    private void AddTo(MemberActivity activity, EngagementEvent e, int conversion = -1)
    {
        activity.Add(e);
        if (AudienceTiers.TierReachedBy(e.Type) is { } tier) activity.Reached(tier, e.At);
        if (e.Type.IsConversion()) activity.AddConversion(conversion);
    }

    /// <summary>
    /// A follow or unfollow changes the follower count from its member's previous state to its own;
    /// the member's next one, if any, now changes it from this one's state instead.
    /// </summary>
    private void AddFollowChange(MemberActivity member, EngagementEvent e)
    {
        var at = member.AddFollow(e);
        var follows = member.Follows.Span;
        var change = FollowChange(follows, at);
        _followers.Change(e.At, change);
        if (at + 1 < follows.Length) _followers.Change(follows[at + 1].At, -change);
    }

    // +1, -1 or 0: the state after the member's follow or unfollow at this place, less the state before it.
    private static int FollowChange(ReadOnlySpan<EngagementEvent> follows, int at) =>
        (follows[at].Type == EventType.Follow ? 1 : 0) - (at > 0 && follows[at - 1].Type == EventType.Follow ? 1 : 0);

    /// <summary>SPEC §2: how many members follow at an instant (their latest follow or unfollow before it is a follow).</summary>
    public int FollowersAt(DateTimeOffset instant)
    {
        var count = _followers.AtStartOfDay(instant);
        // The day's own changes before the instant, read from the events: a few hundred at most.
        var today = new TimeRange(FollowerTimeline.StartOfDay(instant), instant);
        foreach (var e in InRange(today, EventType.Follow).Concat(InRange(today, EventType.Unfollow)))
        {
            var follows = FollowsOf(e.Member!.Value).Span;
            count += FollowChange(follows, TimeOrder.PositionOf(follows, e));
        }
        return count;
    }

    /// <summary>SPEC §2: an inbound event answered before t makes its writer conversational at t.</summary>
    private void ReachConversationalIfAnswered(EngagementEvent inbound)
    {
        if (inbound.Type.IsInbound() && inbound.Member is { } writer && FirstAnswer(inbound) is { } answeredAt)
            ReachConversational(writer, answeredAt);
    }

    // The writer of an answered inbound event has events, so it has its activity.
    private void ReachConversational(Member writer, DateTimeOffset answeredAt) =>
        _audience.Find(writer)!.Value.Reached(AudienceTier.Conversational, answeredAt);

    private void AddConversionOfCustomer(string customer, EngagementEvent conversion)
    {
        if (!_conversionsByCustomer.TryGetValue(customer, out var conversions)) _conversionsByCustomer[customer] = conversions = [];
        TimeOrder.Insert(conversions, conversion);
    }
}
