using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using SocialRoi.Domain.Events;

namespace SocialRoi.Storage;

/// <summary>
/// An account's events in a compact binary form, the body of its snapshot (<see cref="AccountReading"/>).
/// Reading a million events back from their canonical JSON took ~1.2 s of every activation of a
/// million-event account; this form keeps each name once, in a table the events point into, and
/// every other field as plain bytes, so reading it back is mostly allocating the events.
/// </summary>
/// <remarks>
/// Layout: the number of events, the name table (each name as UTF-8), then per event its type,
/// the fields it carries, the instant's ticks, its id, its account's name, then each carried field
/// in <see cref="Field"/> order, and last a 64-bit XxHash3 of all the bytes before it: a damaged byte
/// inside a time or an id would otherwise still read, as a wrong event. Lengths, counts and name
/// numbers are 7-bit encoded. Names are what the log's reader shares (<see cref="NamePool"/>):
/// account, platform, actor, post, customer, currency, campaign. Any change to this layout needs a
/// new <see cref="Version"/>.
/// </remarks>
internal static class SnapshotFormat
{
    /// <summary>Stored beside each body: a snapshot of another version is not read, only replaced.</summary>
    public const int Version = 1;

    private static readonly int EventTypes = Enum.GetValues<EventType>().Length;
    private static readonly int CostCategories = Enum.GetValues<CostCategory>().Length;

    public static byte[] Write(IReadOnlyCollection<EngagementEvent> events)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var body = new MemoryStream(events.Count * 48);
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var e in events) WriteEvent(writer, e, names);
        }
        var all = new MemoryStream((int)body.Length + names.Count * 16 + 16);
        using (var writer = new BinaryWriter(all, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(events.Count);
            writer.Write7BitEncodedInt(names.Count);
            foreach (var name in names.Keys) writer.Write(name); // a Dictionary enumerates in insertion order while nothing is removed
        }
        body.Position = 0;
        body.CopyTo(all);
        Span<byte> checksum = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, XxHash3.HashToUInt64(all.GetBuffer().AsSpan(0, (int)all.Length)));
        all.Write(checksum);
        return all.ToArray();
    }

    /// <summary>The events of <paramref name="snapshot"/>, each name read as its one copy in <paramref name="names"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot of this version.</exception>
    public static EngagementEvent[] Read(ReadOnlySpan<byte> snapshot, NamePool names)
    {
        if (snapshot.Length < sizeof(ulong)
            || XxHash3.HashToUInt64(snapshot[..^sizeof(ulong)]) != BinaryPrimitives.ReadUInt64LittleEndian(snapshot[^sizeof(ulong)..]))
            throw new InvalidDataException("the snapshot's checksum does not match its bytes");
        var reader = new Reader(snapshot[..^sizeof(ulong)]);
        var events = new EngagementEvent[reader.Length()];
        var table = new string[reader.Length()];
        for (var i = 0; i < table.Length; i++) table[i] = names.Share(reader.Text());
        for (var i = 0; i < events.Length; i++) events[i] = ReadEvent(ref reader, table);
        if (!reader.AtEnd) throw new InvalidDataException("the snapshot has bytes after its last event");
        return events;
    }

    private static void WriteEvent(BinaryWriter writer, EngagementEvent e, Dictionary<string, int> names)
    {
        var carried = Carried(e);
        writer.Write((byte)e.Type);
        writer.Write7BitEncodedInt((int)carried);
        writer.Write(e.At.UtcTicks);
        writer.Write(e.Id);
        WriteName(writer, e.Account, names);
        if (e.Platform is { } platform) WriteName(writer, platform, names);
        if (e.Actor is { } actor) WriteName(writer, actor, names);
        if (e.Post is { } post) WriteName(writer, post, names);
        if (e.Ref is { } reference) writer.Write(reference);
        if (e.Customer is { } customer) WriteName(writer, customer, names);
        if (e.Count is { } count) writer.Write(count);
        if (e.Sentiment is { } sentiment) writer.Write(BitConverter.DoubleToInt64Bits(sentiment));
        if (e.Amount is { } amount) writer.Write(amount);
        if (e.Currency is { } currency) WriteName(writer, currency, names);
        if (e.Campaign is { } campaign) WriteName(writer, campaign, names);
        if (e.Category is { } category) writer.Write((byte)category);
        if (e.ContentHash is { } hash) writer.Write(hash);
    }

    private static EngagementEvent ReadEvent(ref Reader reader, string[] names)
    {
        var typeNumber = reader.Byte();
        if (typeNumber >= EventTypes) throw new InvalidDataException($"the snapshot holds an event of unknown type {typeNumber}");
        var carried = (Field)reader.Number();
        var ticks = reader.Int64();
        var id = reader.Text();
        return new EngagementEvent
        {
            Type = (EventType)typeNumber,
            At = new DateTimeOffset(ticks, TimeSpan.Zero),
            Id = id,
            Account = reader.Name(names),
            Platform = Has(carried, Field.Platform) ? reader.Name(names) : null,
            Actor = Has(carried, Field.Actor) ? reader.Name(names) : null,
            Post = Has(carried, Field.Post) ? reader.Name(names) : null,
            Ref = Has(carried, Field.Ref) ? reader.Text() : null,
            Customer = Has(carried, Field.Customer) ? reader.Name(names) : null,
            Count = Has(carried, Field.Count) ? reader.Int64() : null,
            Sentiment = Has(carried, Field.Sentiment) ? BitConverter.Int64BitsToDouble(reader.Int64()) : null,
            Promotional = Flag(carried, Field.Promotional, Field.PromotionalTrue),
            Automated = Flag(carried, Field.Automated, Field.AutomatedTrue),
            Owned = Flag(carried, Field.Owned, Field.OwnedTrue),
            Amount = Has(carried, Field.Amount) ? reader.Decimal() : null,
            Currency = Has(carried, Field.Currency) ? reader.Name(names) : null,
            Campaign = Has(carried, Field.Campaign) ? reader.Name(names) : null,
            Category = Has(carried, Field.Category) ? reader.Category() : null,
            ContentHash = Has(carried, Field.ContentHash) ? reader.Text() : null,
        };
    }

    private static Field Carried(EngagementEvent e)
    {
        var carried = default(Field);
        if (e.Platform is not null) carried |= Field.Platform;
        if (e.Actor is not null) carried |= Field.Actor;
        if (e.Post is not null) carried |= Field.Post;
        if (e.Ref is not null) carried |= Field.Ref;
        if (e.Customer is not null) carried |= Field.Customer;
        if (e.Count is not null) carried |= Field.Count;
        if (e.Sentiment is not null) carried |= Field.Sentiment;
        carried |= FlagBits(e.Promotional, Field.Promotional, Field.PromotionalTrue);
        carried |= FlagBits(e.Automated, Field.Automated, Field.AutomatedTrue);
        carried |= FlagBits(e.Owned, Field.Owned, Field.OwnedTrue);
        if (e.Amount is not null) carried |= Field.Amount;
        if (e.Currency is not null) carried |= Field.Currency;
        if (e.Campaign is not null) carried |= Field.Campaign;
        if (e.Category is not null) carried |= Field.Category;
        if (e.ContentHash is not null) carried |= Field.ContentHash;
        return carried;
    }

    private static Field FlagBits(bool? flag, Field carried, Field isTrue) => flag switch
    {
        null => default,
        true => carried | isTrue,
        false => carried,
    };

    private static bool? Flag(Field carried, Field field, Field isTrue) => Has(carried, field) ? Has(carried, isTrue) : null;

    private static bool Has(Field carried, Field field) => (carried & field) != 0;

    private static void WriteName(BinaryWriter writer, string name, Dictionary<string, int> names)
    {
        if (!names.TryGetValue(name, out var number)) names.Add(name, number = names.Count);
        writer.Write7BitEncodedInt(number);
    }

    [Flags]
    private enum Field
    {
        Platform = 1 << 0,
        Actor = 1 << 1,
        Post = 1 << 2,
        Ref = 1 << 3,
        Customer = 1 << 4,
        Count = 1 << 5,
        Sentiment = 1 << 6,
        Promotional = 1 << 7,
        PromotionalTrue = 1 << 8,
        Automated = 1 << 9,
        AutomatedTrue = 1 << 10,
        Owned = 1 << 11,
        OwnedTrue = 1 << 12,
        Amount = 1 << 13,
        Currency = 1 << 14,
        Campaign = 1 << 15,
        Category = 1 << 16,
        ContentHash = 1 << 17,
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote, from a span; anything past its end is <see cref="InvalidDataException"/>.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public byte Byte() => Take(1)[0];

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public decimal Decimal()
        {
            var bits = Take(16);
            Span<int> parts = [
                BinaryPrimitives.ReadInt32LittleEndian(bits),
                BinaryPrimitives.ReadInt32LittleEndian(bits[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(bits[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(bits[12..])];
            try
            {
                return new decimal(parts);
            }
            catch (ArgumentException)
            {
                throw new InvalidDataException("the snapshot holds an amount that is not a decimal");
            }
        }

        public CostCategory Category()
        {
            var number = Byte();
            return number < CostCategories ? (CostCategory)number : throw new InvalidDataException($"the snapshot holds a cost of unknown category {number}");
        }

        public string Text() => Encoding.UTF8.GetString(Take(Number()));

        public string Name(string[] names)
        {
            var number = Number();
            return number < names.Length ? names[number] : throw new InvalidDataException($"the snapshot names name {number} of {names.Length}");
        }

        /// <summary>How many things follow: each takes at least a byte, so never more than the bytes left.</summary>
        public int Length()
        {
            var length = Number();
            return length <= _bytes.Length - _at ? length : throw new InvalidDataException("the snapshot counts more than it holds");
        }

        /// <summary>A 7-bit encoded non-negative number, as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it.</summary>
        public int Number()
        {
            var value = 0u;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var part = Byte();
                value |= (uint)(part & 0x7F) << shift;
                if (part < 0x80) return value <= int.MaxValue ? (int)value : throw new InvalidDataException("the snapshot holds a number out of range");
            }
            throw new InvalidDataException("the snapshot holds a number of more than five bytes");
        }

        private ReadOnlySpan<byte> Take(int length)
        {
            if (length > _bytes.Length - _at) throw new InvalidDataException("the snapshot ends inside an event");
            var taken = _bytes.Slice(_at, length);
            _at += length;
            return taken;
        }
    }
}
