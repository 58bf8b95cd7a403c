using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPortal.Core;
using Polly.Timeout;

namespace CustomerPortal.Data.Dataverse;

// The typed HttpClient over /api/data/v9.2/: request shapes and error mapping only. Tokens, retries, time
// budgets and the concurrency cap live in the handlers (DataverseResilience, DopHintHandler, BearerTokenHandler). Anything that means "Dataverse can't answer now" becomes
// DataSourceUnavailableException; anything that means "we asked wrongly" stays a loud error.
internal sealed class DataverseWebApi(HttpClient http)
{
    public Uri BaseAddress => http.BaseAddress!;

    // One GET. maxPageSize adds Prefer: odata.maxpagesize. No annotations are asked for: rows are read
    // typed (DataverseRows), formatted values would only make the response longer.
    public async Task<JsonDocument> GetAsync(string url, int? maxPageSize, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (maxPageSize is { } size)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"odata.maxpagesize={size}");
        }

        using var response = await SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    // Every row of a query, following @odata.nextLink verbatim (reference data and short lists only).
    public async Task<List<JsonElement>> GetAllAsync(string url, CancellationToken cancellationToken)
    {
        var rows = new List<JsonElement>();
        string? next = url;
        while (next is not null)
        {
            using var page = await GetAsync(next, 5000, cancellationToken);
            rows.AddRange(page.RootElement.GetProperty("value").EnumerateArray().Select(row => row.Clone()));
            next = NextLink(page.RootElement);
        }

        return rows;
    }

    public async Task<WriteResult> PostAsync(string entitySet, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, entitySet) { Content = Json(body) };
        using var response = await SendAsync(request, cancellationToken);
        return await ResultAsync(response, cancellationToken);
    }

    // PATCH with If-Match: never creates (upsert) and never overwrites a change we have not seen.
    public async Task<WriteResult> PatchAsync(string url, JsonObject body, string etag, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await SendAsync(request, cancellationToken);
        return await ResultAsync(response, cancellationToken);
    }

    public static string? NextLink(JsonElement page) =>
        page.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (int)response.StatusCode >= 500)
            {
                var error = await ErrorAsync(response, cancellationToken);
                response.Dispose();
                throw new DataSourceUnavailableException(
                    $"Dataverse answered {(int)response.StatusCode} to {request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}: {error.Code} {error.Message}");
            }

            return response;
        }
        catch (HttpRequestException ex)
        {
            throw new DataSourceUnavailableException($"Dataverse is unreachable ({ex.HttpRequestError}).", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new DataSourceUnavailableException("Dataverse did not answer in time.", ex);
        }
    }

    private static async Task<WriteResult> ResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return new WriteResult(response.StatusCode, null, null);
        }

        var error = await ErrorAsync(response, cancellationToken);
        return new WriteResult(response.StatusCode, error.Code, error.Message);
    }

    private static async Task<Exception> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var error = await ErrorAsync(response, cancellationToken);
        return new InvalidOperationException(
            $"Dataverse refused {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)} with {(int)response.StatusCode}: {error.Code} {error.Message}");
    }

    // {"error":{"code":"0x…","message":"…"}}; tolerant of anything else.
    private static async Task<(string Code, string Message)> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text);
            var error = document.RootElement.GetProperty("error");
            return (error.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "",
                error.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ("", response.ReasonPhrase ?? "");
        }
    }

    private static StringContent Json(JsonObject body)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}

internal sealed record WriteResult(HttpStatusCode Status, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;
}
