using SocialRoi.Domain.Time;
using Xunit;

namespace SocialRoi.Domain.Tests;

/// <summary>SPEC §1: the RFC 3339 timestamps events carry, read to UTC, and their canonical form.</summary>
public class TimestampTests
{
    [Theory]
    [InlineData("2026-07-01T09:30:00Z", "2026-07-01T09:30:00.0000000+00:00")]
    [InlineData("2026-07-01t09:30:00z", "2026-07-01T09:30:00.0000000+00:00")]
    [InlineData("2026-07-01T11:30:00+02:00", "2026-07-01T09:30:00.0000000+00:00")]
    [InlineData("2026-07-01T04:00:00-05:30", "2026-07-01T09:30:00.0000000+00:00")]
    [InlineData("2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00.0000000+00:00")]
    [InlineData("2026-07-01T09:30:00.5Z", "2026-07-01T09:30:00.5000000+00:00")]
    [InlineData("2026-07-01T09:30:00.123456789Z", "2026-07-01T09:30:00.1234567+00:00")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.0000000+00:00")]
    [InlineData("2026-07-01T09:30:00+14:00", "2026-06-30T19:30:00.0000000+00:00")]
    public void Reads_a_timestamp_to_utc(string text, string expected)
    {
        Assert.True(Timestamps.TryParseRfc3339(text, out var utc));
        Assert.Equal(DateTimeOffset.Parse(expected), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Theory]
    [InlineData("2026-07-01T09:30:00")] // no offset
    [InlineData("2026-07-01 09:30:00Z")]
    [InlineData("2026-07-01T09:30Z")]
    [InlineData("2026-7-01T09:30:00Z")]
    [InlineData("2026-02-30T09:30:00Z")]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-00-01T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2026-07-01T24:00:00Z")]
    [InlineData("2026-07-01T09:60:00Z")]
    [InlineData("2026-07-01T09:30:60Z")]
    [InlineData("2026-07-01T09:30:00.Z")]
    [InlineData("2026-07-01T09:30:00.1234567890Z")]
    [InlineData("2026-07-01T09:30:00+2:00")]
    [InlineData("2026-07-01T09:30:00+0200")]
    [InlineData("2026-07-01T09:30:00+24:00")]
    [InlineData("2026-07-01T09:30:00+02:60")]
    [InlineData("2026-07-01T09:30:00+14:01")]
    [InlineData("2026-07-01T09:30:00Zz")]
    [InlineData("2026-07-01T09:30:00Z\n")]
    [InlineData("٢٠٢٦-07-01T09:30:00Z")] // digits, but not ASCII ones
    [InlineData("0001-01-01T00:30:00+01:00")] // before the calendar's first instant once in UTC
    [InlineData("")]
    public void Refuses_what_is_not_rfc_3339_with_an_offset(string text) =>
        Assert.False(Timestamps.TryParseRfc3339(text, out _));

    [Theory]
    [InlineData("2026-07-01T09:30:00.0000000+00:00", "2026-07-01T09:30:00Z")]
    [InlineData("2026-07-01T09:30:10.0000000+00:00", "2026-07-01T09:30:10Z")]
    [InlineData("2026-07-01T09:30:00.5000000+00:00", "2026-07-01T09:30:00.5Z")]
    [InlineData("2026-07-01T09:30:00.1234567+00:00", "2026-07-01T09:30:00.1234567Z")]
    [InlineData("2026-07-01T11:30:00.0100000+02:00", "2026-07-01T09:30:00.01Z")]
    public void Writes_the_canonical_utc_form(string instant, string expected) =>
        Assert.Equal(expected, Timestamps.Format(DateTimeOffset.Parse(instant)));

    [Fact]
    public void The_canonical_form_is_what_dotnet_writes_with_trailing_zeros_of_the_fraction_left_out()
    {
        var random = new Random(12);
        var instants = new List<DateTimeOffset>
        {
            new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new(2026, 12, 31, 23, 59, 59, TimeSpan.Zero),
            new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero).AddTicks(1),
            new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero).AddTicks(9_999_999),
            new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero).AddTicks(1_000_000),
            new DateTimeOffset(2026, 7, 1, 11, 30, 0, TimeSpan.FromHours(2)).AddTicks(10),
        };
        for (var i = 0; i < 2_000; i++)
            instants.Add(new DateTimeOffset(random.NextInt64(new DateTime(2000, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks), TimeSpan.Zero));

        Span<byte> utf8 = stackalloc byte[Timestamps.MaxLength];
        foreach (var instant in instants)
        {
            // "FFFFFFF" leaves trailing zeros out, and the separator too when the fraction is zero.
            var expected = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture) + "Z";
            Assert.Equal(expected, Timestamps.Format(instant));
            Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(utf8[..Timestamps.FormatUtf8(instant, utf8)]));
        }
    }
}
