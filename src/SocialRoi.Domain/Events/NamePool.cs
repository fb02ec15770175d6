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
}
