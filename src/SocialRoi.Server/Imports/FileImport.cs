using System.Security.Cryptography;
using System.Text.Json;
using SocialRoi.Domain.Events;
using SocialRoi.Server.Ingest;
using SocialRoi.Storage;

namespace SocialRoi.Server.Imports;

/// <summary>
/// SPEC §13: a file becomes events and goes the way of POST /events — validation, the account
/// grain, durable append. Rejections are numbered by data row (header and preamble take no index)
/// and name the column, the value and the rule; good rows are stored when others are rejected.
/// </summary>
public sealed class FileImport(EventIngest ingest, BatchBody reader, IInstallationSecrets secrets)
{
    private const int RowsPerBatch = 5_000;
    private CustomerIds? _customers;

    public async Task<IngestReport> ImportAsync(
        string format, byte[] file, string? account, string? platform, string? mapping, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (format == ImportFormats.Events)
        {
            using var stream = new MemoryStream(file, writable: false);
            return await NdjsonImport.RunAsync(stream, NdjsonImport.Into(ingest, reader), progress, cancellationToken);
        }
        var kind = ImportFormats.Find(format, mapping);
        if (account is null || !EventReader.IsAccountName(account))
            throw new ImportRequestException($"an import of {format} needs the account the file belongs to (account=, --account), a lower-case name like acme; got \"{account}\"");
        var csv = CsvFile.Read(file, kind.Name, kind.RequiredColumns);
        var context = new ImportContext(account, platform, await CustomersAsync(cancellationToken), csv.DecimalComma);

        int accepted = 0, duplicates = 0;
        var rejected = new List<Rejection>();
        var seen = new HashSet<string>(StringComparer.Ordinal); // an order over several item rows is one purchase
        foreach (var rows in csv.Rows.Chunk(RowsPerBatch))
        {
            var batch = new List<SubmittedEvent>();
            foreach (var row in rows)
            {
                try
                {
                    foreach (var e in kind.Events(row, context).ToList())
                    {
                        if (seen.Add(e.ToJsonString())) batch.Add(reader.ReadEvent(row.Index, JsonSerializer.SerializeToElement(e)));
                    }
                }
                catch (RowProblem problem)
                {
                    batch.Add(SubmittedEvent.Unreadable(row.Index, problem.Message));
                }
            }
            var report = await ingest.IngestAsync(batch, unit: "row");
            accepted += report.Accepted;
            duplicates += report.Duplicates;
            rejected.AddRange(report.Rejected);
            progress?.Report(csv.Rows.Count == 0 ? 1 : (double)(rows[^1].Index + 1) / csv.Rows.Count);
        }
        return new IngestReport(accepted, duplicates, rejected);
    }

    // SPEC §13: one key per installation, made on first use and kept in storage, shared by every node.
    private async Task<CustomerIds> CustomersAsync(CancellationToken cancellationToken)
    {
        if (_customers is { } known) return known;
        var key = await secrets.GetOrCreateSecretAsync(CustomerIds.SecretName, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        return _customers = new CustomerIds(Convert.FromHexString(key));
    }
}
