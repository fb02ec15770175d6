using System.Text;

namespace SocialRoi.Domain;

/// <summary>
/// The one rule for how every enum of the contract is spelled on the wire, in storage and in
/// metrics: the member name in lower snake case (LastTouch → last_touch, Customer → customer).
/// </summary>
public static class WireNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().ToDictionary(v => v, v => SnakeCase(v.ToString()));
    private static readonly Dictionary<string, TEnum> ByName = ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    private static readonly Dictionary<string, TEnum>.AlternateLookup<ReadOnlySpan<char>> ByNameSpelled = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<TEnum>().Select(v => ByValue[v]).ToList();

    public static string Of(TEnum value) => ByValue[value];

    /// <summary>The value of a wire name, from its characters wherever they are (a string, or a copy on the stack).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out TEnum value) => ByNameSpelled.TryGetValue(name, out value);

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
