using System.Text.Json;

namespace SocialRoi.Domain.Events;

/// <summary>
/// Values of an event's fields as both byte readers take them from the token they are on (the
/// one-pass reader of submissions, which then applies the rules, and the log's canonical reader,
/// which does not): true when the token is of the field's kind.
/// </summary>
internal static class JsonTokens
{
    // Type and category names are copied to the stack, not made into strings: each is shorter than
    // this. A value written longer (escaped) is declined, and the rules reader reads it.
    private const int ShortestNotAName = 16;

    public static bool Flag(ref Utf8JsonReader reader, out bool? flag)
    {
        flag = reader.TokenType switch { JsonTokenType.True => true, JsonTokenType.False => false, _ => null };
        return flag is not null;
    }

    public static bool WholeNumber(ref Utf8JsonReader reader, out long? number)
    {
        number = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var whole) ? whole : null;
        return number is not null;
    }

    public static bool Number(ref Utf8JsonReader reader, out double? number)
    {
        number = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var parsed) ? parsed : null;
        return number is not null;
    }

    /// <summary>A type or category, from its wire name.</summary>
    public static bool WireName<TEnum>(ref Utf8JsonReader reader, out TEnum? value) where TEnum : struct, Enum
    {
        Span<char> name = stackalloc char[ShortestNotAName];
        value = reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && reader.ValueSpan.Length <= name.Length
            && WireNames<TEnum>.TryParse(name[..reader.CopyString(name)], out var parsed) ? parsed : null;
        return value is not null;
    }
}
