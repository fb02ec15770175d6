using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SocialRoi.Server.Ingest;

/// <summary>
/// Sends import batches to a running SocialRoi server as NDJSON (POST /api/v1/events), so they go
/// through its account grains. A 503 (an account moving between nodes, storage restarting) is
/// retried after Retry-After: resending is safe, as duplicates change nothing.
/// </summary>
public sealed class RemoteIngest(HttpClient http) : IDisposable
{
    private const int Attempts = 30;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IngestReport> SendAsync(int firstIndex, IReadOnlyList<NdjsonLine> lines)
    {
        // Bytes that are not UTF-8 are rejected here, naming their place in the file; the rest is sent.
        var local = new List<Rejection>();
        var sent = new List<int>(lines.Count);
        using var body = new MemoryStream();
        for (var i = 0; i < lines.Count; i++)
        {
            if (Utf8Text.FirstInvalidByte(lines[i].Bytes.Span) is { } bad)
            {
                var index = firstIndex + i;
                local.Add(new Rejection(index, null, $"event {index}: line is not valid UTF-8 at byte offset {lines[i].Offset + bad} (0x{lines[i].Bytes.Span[bad]:X2}); send UTF-8 text"));
                continue;
            }
            body.Write(lines[i].Bytes.Span);
            body.WriteByte((byte)'\n');
            sent.Add(firstIndex + i);
        }
        var report = await PostAsync(body.ToArray());
        var rejected = report.Rejected.Select(r => InFile(r, sent[r.Index])).Concat(local).OrderBy(r => r.Index).ToList();
        return report with { Rejected = rejected };
    }

    private async Task<IngestReport> PostAsync(byte[] body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
            using var response = await http.PostAsync("api/v1/events", content);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < Attempts)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"{http.BaseAddress} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<IngestReport>(Json))!;
        }
    }

    // The server numbers events within what it was sent; the user wants their position in the file.
    private static Rejection InFile(Rejection rejection, int index)
    {
        var inBatch = $"event {rejection.Index}";
        var error = rejection.Error.StartsWith(inBatch, StringComparison.Ordinal) ? $"event {index}{rejection.Error[inBatch.Length..]}" : rejection.Error;
        return new Rejection(index, rejection.Id, error);
    }

    public void Dispose() => http.Dispose();
}
