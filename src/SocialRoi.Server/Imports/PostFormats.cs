using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocialRoi.Server.Imports;

/// <summary>
/// Meta Business Suite's content export (Insights → Content → Export), for Facebook pages and
/// Instagram accounts: each row a post, its content hash from the post's text. Instagram exports
/// name the account ("Account username"); Facebook exports the page ("Page name").
/// </summary>
public sealed class MetaPosts : ImportFormat
{
    public override string Name => "meta-posts";

    public override IReadOnlyList<string> RequiredColumns => ["Post ID", "Publish time", "Description"];

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        var platform = context.Platform ?? (row.Has("Account username") || row.Has("Account ID") ? "instagram" : "facebook");
        var text = $"{row["Title"]} {row["Description"]}";
        yield return Event(context, "post", $"meta-posts:{row["Post ID"]}", Cells.Instant(row, "Publish time"),
            ("platform", platform), ("post", row["Post ID"]), ("contentHash", Cells.ContentHash(text)));
    }
}

/// <summary>X's post activity export (Analytics → Export data): each row a post, its content hash from the post's text.</summary>
public sealed class XPosts : ImportFormat
{
    public override string Name => "x-posts";

    public override IReadOnlyList<string> RequiredColumns => ["Tweet id", "Tweet text", "time"];

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        yield return Event(context, "post", $"x-posts:{row["Tweet id"]}", Cells.Instant(row, "time"),
            ("platform", context.Platform ?? "x"), ("post", row["Tweet id"]), ("contentHash", Cells.ContentHash(row["Tweet text"])));
    }
}

/// <summary>
/// LinkedIn's page updates export (Analytics → Updates → Export), saved as CSV: a description line
/// before the header; each row a post, identified by the activity id in its Update link.
/// </summary>
public sealed partial class LinkedInPosts : ImportFormat
{
    [GeneratedRegex(@"activity[:%3A](\d+)")] private static partial Regex Activity();

    public override string Name => "linkedin-posts";

    public override IReadOnlyList<string> RequiredColumns => ["Update title", "Update link", "Created date"];

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        var link = row["Update link"];
        var post = Activity().Match(link) is { Success: true } m ? m.Groups[1].Value
            : link.Length > 0 ? link : throw new RowProblem("Update link", link, "must be the post's link, like https://www.linkedin.com/feed/update/urn:li:activity:7123456789/");
        yield return Event(context, "post", $"linkedin-posts:{post}", Cells.Instant(row, "Created date"),
            ("platform", context.Platform ?? "linkedin"), ("post", post), ("contentHash", Cells.ContentHash(row["Update title"])));
    }
}
