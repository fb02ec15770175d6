namespace SocialRoi.Server.Imports;

/// <summary>SPEC §13: the export kinds SocialRoi reads, by name; "events" is NDJSON of SPEC §1, "csv" needs a mapping.</summary>
public static class ImportFormats
{
    public const string Events = "events";
    public const string Mapped = "csv";

    private static readonly IReadOnlyList<ImportFormat> Fixed =
    [
        new ShopifyOrders(), new WooCommerceOrders(), new StripePayments(), new MetaAds(), new GoogleAds(),
        new MetaLeads(), new MetaPosts(), new XPosts(), new LinkedInPosts(),
    ];

    public static IReadOnlyList<string> Names { get; } = [Events, .. Fixed.Select(f => f.Name), Mapped];

    /// <summary>The format of that name; "csv" takes its mapping file's text.</summary>
    public static ImportFormat Find(string name, string? mapping) => name switch
    {
        Mapped => MappedCsv.Read(mapping ?? throw new ImportRequestException("format csv needs a mapping (--map FILE, or ?map= with the mapping's JSON); docs/imports.md shows one")),
        _ => Fixed.FirstOrDefault(f => f.Name == name)
            ?? throw new ImportRequestException($"format must be one of {string.Join(", ", Names)}, got \"{name}\""),
    };
}
