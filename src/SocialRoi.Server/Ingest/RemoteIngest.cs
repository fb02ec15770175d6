using System.Net;
using System.Net.Http.Json;
using System.Text;
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

    public async Task<IngestReport> SendAsync(int firstIndex, IReadOnlyList<string> lines)
    {
        var body = string.Join('\n', lines);
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsync("api/v1/events", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < Attempts)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"{http.BaseAddress} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var report = (await response.Content.ReadFromJsonAsync<IngestReport>(Json))!;
            return report with { Rejected = report.Rejected.Select(r => InFile(r, firstIndex)).ToList() };
        }
    }

    // The server numbers events within the batch; the user wants their position in the file.
    private static Rejection InFile(Rejection rejection, int firstIndex)
    {
        var index = rejection.Index + firstIndex;
        var inBatch = $"event {rejection.Index}";
        var error = rejection.Error.StartsWith(inBatch, StringComparison.Ordinal) ? $"event {index}{rejection.Error[inBatch.Length..]}" : rejection.Error;
        return new Rejection(index, rejection.Id, error);
    }

    public void Dispose() => http.Dispose();
}
