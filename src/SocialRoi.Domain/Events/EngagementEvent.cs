using System.Diagnostics.CodeAnalysis;
using SocialRoi.Domain.Audience;

namespace SocialRoi.Domain.Events;

/// <summary>
/// One accepted event (SPEC §1), normalised: <see cref="At"/> is UTC and the defaults of its
/// type are filled in (count 1, category other, promotional/automated false, owned true),
/// so two submissions that mean the same thing compare equal.
/// </summary>
/// <remarks>
/// An active account holds every one of its events, a million for a busy account, so the layout
/// is kept small: the instant as ticks, the optional numbers and flags without nullable wrappers,
/// fields that no type carries together in one slot, and the fields only money, posts and costs
/// carry in a separate <see cref="Rarer"/> part that most events (likes, follows, clicks, comments,
/// replies…) never allocate; an event that has one keeps its post, ref or customer there, in the
/// slot the part takes. The properties read exactly as plain nullable ones would.
/// </remarks>
public sealed record EngagementEvent
{
    private long _atTicks;
    // SPEC §1: count is on impressions only, sentiment never on them; post, ref and customer are
    // never on one type together. So each group shares a slot, and _carried says which field holds it.
    private long _countOrSentiment;
    // The post, ref or customer as a string, or the rarer part, which then holds that name: one
    // reference instead of two took the event from 88 to 80 bytes, and only ~9 % of events have the part.
    private object? _nameOrRarer;
    private Carried _carried;

    // The account alone, or the account with its platform as one pair, which an account shares
    // among its events (it names a handful): one reference instead of two took the event to 72 bytes.
    private object? _accountOrPair; // never null once built: Account is required
    private string? _actor;

    public required string Id { get; init; }
    public required string Account
    {
        get => AccountSoFar!;
        init => _accountOrPair = AccountWith(value, Platform);
    }

    public required EventType Type { get; init; }
    public string? Platform
    {
        get => (_accountOrPair as AccountOnPlatform)?.Platform;
        init => _accountOrPair = AccountWith(AccountSoFar, value);
    }

    public string? Actor { get => _actor; init => _actor = value; }

    public string? Post
    {
        get => Has(Carried.Post) ? Named : null;
        init { if (Claim(Carried.Post, Carried.PostRefOrCustomer, value is not null)) Named = value; }
    }

    public string? Ref
    {
        get => Has(Carried.Ref) ? Named : null;
        init { if (Claim(Carried.Ref, Carried.PostRefOrCustomer, value is not null)) Named = value; }
    }

    public string? Customer
    {
        get => Has(Carried.Customer) ? Named : null;
        init { if (Claim(Carried.Customer, Carried.PostRefOrCustomer, value is not null)) Named = value; }
    }

    public required DateTimeOffset At
    {
        get => new(_atTicks, TimeSpan.Zero);
        init => _atTicks = value.UtcTicks;
    }

    public long? Count
    {
        get => Has(Carried.Count) ? _countOrSentiment : null;
        init { if (Claim(Carried.Count, Carried.CountOrSentiment, value is not null)) _countOrSentiment = value ?? 0; }
    }

    public double? Sentiment
    {
        get => Has(Carried.Sentiment) ? BitConverter.Int64BitsToDouble(_countOrSentiment) : null;
        init
        {
            // Kept as its bits: a sentiment of -0 stays -0, as its stored body writes it.
            if (Claim(Carried.Sentiment, Carried.CountOrSentiment, value is not null))
                _countOrSentiment = value is { } given ? BitConverter.DoubleToInt64Bits(given) : 0;
        }
    }

    public bool? Promotional { get => Flag(Carried.Promotional); init => SetFlag(Carried.Promotional, value); }
    public bool? Automated { get => Flag(Carried.Automated); init => SetFlag(Carried.Automated, value); }
    public bool? Owned { get => Flag(Carried.Owned); init => SetFlag(Carried.Owned, value); }

    public decimal? Amount { get => RarerPart?.Amount; init { RarerFor(value is not null)?.Amount = value; DropIfEmpty(); } }
    public string? Currency { get => RarerPart?.Currency; init { RarerFor(value is not null)?.Currency = value; DropIfEmpty(); } }
    public string? Campaign { get => RarerPart?.Campaign; init { RarerFor(value is not null)?.Campaign = value; DropIfEmpty(); } }
    public CostCategory? Category { get => RarerPart?.Category; init { RarerFor(value is not null)?.Category = value; DropIfEmpty(); } }
    public string? ContentHash { get => RarerPart?.ContentHash; init { RarerFor(value is not null)?.ContentHash = value; DropIfEmpty(); } }

    public EngagementEvent()
    {
    }

    // `with` copies through here: the copy gets its own rarer part, so setting a field on the copy
    // leaves the original as it was.
    [SetsRequiredMembers]
    private EngagementEvent(EngagementEvent original)
    {
        Id = original.Id;
        Type = original.Type;
        Account = original.Account; // for the compiler's nullable check: the line below sets the same field
        _accountOrPair = original._accountOrPair; // the pair is immutable, so shared
        _actor = original._actor;
        _atTicks = original._atTicks;
        _countOrSentiment = original._countOrSentiment;
        _nameOrRarer = original._nameOrRarer is Rarer rarer ? rarer with { } : original._nameOrRarer;
        _carried = original._carried;
    }

    /// <summary>
    /// Points this event's names at <paramref name="names"/>' copy of each: only references change,
    /// never a value, so the event reads, compares and hashes as before. An account shares the names
    /// of every event it takes in; copying the event to do so (`with`) cost ingest an allocation for most events.
    /// </summary>
    internal void ShareNames(NamePool names)
    {
        _accountOrPair = _accountOrPair is AccountOnPlatform pair
            ? names.Pair(names.Share(pair.Account!), names.Share(pair.Platform))
            : names.Share((string)_accountOrPair!);
        if (_actor is not null) _actor = names.Share(_actor);
        if (Has(Carried.Post | Carried.Customer)) Named = names.Share(Named!);
        if (RarerPart is not { } rarer) return;
        if (rarer.Campaign is { } campaign) rarer.Campaign = names.Share(campaign);
        if (rarer.Currency is { } currency) rarer.Currency = names.Share(currency);
    }

    /// <summary>
    /// Points this event at <paramref name="names"/>' copy of its account and platform pair, when its
    /// names are already that pool's copies, as the log's readers make them: finding the pair by its
    /// names' identity is cheaper than sharing every name again.
    /// </summary>
    internal void SharePairOfSharedNames(NamePool names)
    {
        if (_accountOrPair is AccountOnPlatform pair) _accountOrPair = names.Pair(pair.Account!, pair.Platform);
    }

    /// <summary>SPEC §4: a touch of a post, which attribution can credit with a conversion.</summary>
    public bool IsCreditable() => Type.IsTouch() && Post is not null;

    /// <summary>The audience member who wrote this event, when it carries one (SPEC §2).</summary>
    public Member? Member => Platform is not null && Actor is not null ? new Member(Platform, Actor) : null;

    /// <summary>SPEC §1: events are ordered by (at, id), ids in the byte order of their UTF-8.</summary>
    public static int CompareByTime(EngagementEvent a, EngagementEvent b)
    {
        var byTime = a._atTicks.CompareTo(b._atTicks);
        return byTime != 0 ? byTime : Utf8Order.Compare(a.Id, b.Id);
    }

    private bool Has(Carried field) => (_carried & field) != 0;

    // Null only while the event is being built and its account is not set yet.
    private string? AccountSoFar => _accountOrPair is AccountOnPlatform pair ? pair.Account : (string?)_accountOrPair;

    private static object? AccountWith(string? account, string? platform) => platform is null ? account : AccountOnPlatform.Of(account, platform);

    private Rarer? RarerPart => _nameOrRarer as Rarer;

    // Whichever of post, ref and customer _carried says the event has.
    private string? Named
    {
        get => _nameOrRarer is Rarer rarer ? rarer.Named : (string?)_nameOrRarer;
        set
        {
            if (_nameOrRarer is Rarer rarer) rarer.Named = value;
            else _nameOrRarer = value;
        }
    }

    /// <summary>
    /// Whether a field that shares <paramref name="slot"/> with others writes it: given a value, it
    /// takes the slot; given none, it empties the slot only if it held it. A value for one field while
    /// another holds the slot is refused: no valid event carries both, and keeping one would drop the other.
    /// </summary>
    private bool Claim(Carried field, Carried slot, bool given)
    {
        if (!given)
        {
            if (!Has(field)) return false;
            _carried &= ~field;
            return true;
        }
        if ((_carried & slot & ~field) != 0)
            throw new InvalidOperationException($"an event carries at most one of {Describe(slot)}, never two");
        _carried |= field;
        return true;
    }

    private static string Describe(Carried slot) => slot == Carried.CountOrSentiment ? "count and sentiment" : "post, ref and customer";

    // A flag's value sits in the bit above the one saying it is carried.
    private bool? Flag(Carried field) => Has(field) ? Has((Carried)((int)field << 1)) : null;

    private void SetFlag(Carried field, bool? value)
    {
        var isTrue = (Carried)((int)field << 1);
        _carried &= ~(field | isTrue);
        if (value is { } flag) _carried |= flag ? field | isTrue : field;
    }

    // Setting a rarer field to null allocates nothing, and a rarer part left empty (by `with`) is
    // dropped, so equal events compare equal however they were built.
    private Rarer? RarerFor(bool carried)
    {
        if (!carried || RarerPart is not null) return RarerPart;
        var rarer = new Rarer { Named = (string?)_nameOrRarer };
        _nameOrRarer = rarer;
        return rarer;
    }

    private void DropIfEmpty()
    {
        if (_nameOrRarer is Rarer { IsEmpty: true } rarer) _nameOrRarer = rarer.Named;
    }

    [Flags]
    private enum Carried : ushort
    {
        Count = 1,
        Sentiment = 2,
        Promotional = 4, // and 8 when true
        Automated = 16, // and 32 when true
        Owned = 64, // and 128 when true
        Post = 256,
        Ref = 512,
        Customer = 1024,
        CountOrSentiment = Count | Sentiment,
        PostRefOrCustomer = Post | Ref | Customer,
    }

    private sealed record Rarer
    {
        public decimal? Amount { get; set; }
        public string? Currency { get; set; }
        public string? Campaign { get; set; }
        public CostCategory? Category { get; set; }
        public string? ContentHash { get; set; }
        public string? Named { get; set; }

        // Empty of the rarer fields: the name alone goes back to the event's own slot.
        public bool IsEmpty => Amount is null && Currency is null && Campaign is null && Category is null && ContentHash is null;
    }
}
