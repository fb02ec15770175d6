using System.Runtime.CompilerServices;

namespace SocialRoi.Domain.Events;

/// <summary>
/// One shared copy of each name an account repeats (its own name, platforms, members' handles,
/// customers, posts, campaigns, currencies): a busy account holds millions of events in memory,
/// and reading them back from the log would otherwise allocate every name once per event.
/// </summary>
public sealed class NamePool
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Dictionary<(string Account, string Platform), AccountOnPlatform> _pairs = new(new SameNames());

    public NamePool() => _bySpan = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Share(string name)
    {
        if (_names.TryGetValue(name, out var shared)) return shared;
        _names.Add(name);
        return name;
    }

    /// <summary>The shared copy of the name these characters spell; a string is made only for a name not seen before.</summary>
    public string Share(ReadOnlySpan<char> name)
    {
        if (_bySpan.TryGetValue(name, out var shared)) return shared;
        var made = name.ToString();
        _names.Add(made);
        return made;
    }

    /// <summary>
    /// The one pair of these names. The names must be this pool's copies: a pair is found by its
    /// names' identity, cheaper than comparing their characters for each of a million events read back.
    /// </summary>
    internal AccountOnPlatform Pair(string account, string platform)
    {
        if (!_pairs.TryGetValue((account, platform), out var pair)) _pairs.Add((account, platform), pair = new AccountOnPlatform(account, platform));
        return pair;
    }

    private sealed class SameNames : IEqualityComparer<(string Account, string Platform)>
    {
        public bool Equals((string Account, string Platform) a, (string Account, string Platform) b) =>
            ReferenceEquals(a.Account, b.Account) && ReferenceEquals(a.Platform, b.Platform);

        public int GetHashCode((string Account, string Platform) pair) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Account), RuntimeHelpers.GetHashCode(pair.Platform));
    }
}
