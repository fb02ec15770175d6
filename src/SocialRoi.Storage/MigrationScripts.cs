using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SocialRoi.Storage;

/// <summary>A numbered migration: Migrations/{Dialect}/0001_name.sql, applied in number order.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql);

public static partial class MigrationScripts
{
    [GeneratedRegex(@"\.Migrations\.(\w+)\.(\d{4})_(\w+)\.sql$")]
    private static partial Regex ResourceName();

    public static IReadOnlyList<MigrationScript> For(string dialect)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(name => (name, match: ResourceName().Match(name)))
            .Where(r => r.match.Success && r.match.Groups[1].Value == dialect)
            .Select(r => new MigrationScript(
                int.Parse(r.match.Groups[2].Value, CultureInfo.InvariantCulture), r.match.Groups[3].Value, Read(assembly, r.name)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
