using System.Text.Json;
using SocialRoi.Domain.Accounts;

namespace SocialRoi.Server.Apis;

public static class RequestBody
{
    /// <summary>The JSON body of a PUT; a body that does not parse is an <see cref="InvalidBodyException"/>.</summary>
    public static async Task<JsonElement> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new InvalidBodyException([$"the body is not valid JSON: {error.Message}"]);
        }
    }
}
