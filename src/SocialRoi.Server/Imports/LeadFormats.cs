using System.Text.Json.Nodes;

namespace SocialRoi.Server.Imports;

/// <summary>
/// Meta lead ads' CSV download (Leads Center / the form's "Download leads"): each lead is a lead
/// event for the customer its e-mail (else phone number) hashes to. The event format has no place
/// for the campaign on a lead (SPEC §1), so the campaign name stays in the export (docs/decisions.md).
/// </summary>
public sealed class MetaLeads : ImportFormat
{
    public override string Name => "meta-leads";

    public override IReadOnlyList<string> RequiredColumns => ["id", "created_time", "email"];

    public override IEnumerable<JsonObject> Events(CsvRow row, ImportContext context)
    {
        var customer = Customer(row, context, "email", "phone_number")
            ?? throw new RowProblem("email", "", "a lead needs an e-mail address or a phone_number to know who it is");
        yield return Event(context, "lead", $"meta-leads:{row["id"]}", Cells.Instant(row, "created_time"), ("customer", customer));
    }
}
