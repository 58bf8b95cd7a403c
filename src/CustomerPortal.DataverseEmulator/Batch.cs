using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CustomerPortal.DataverseEmulator;

// POST $batch ("Execute batch operations using the Web API"): a multipart/mixed body of requests and change sets.
// Requests outside change sets run one by one, each as if sent alone. A change set is atomic: its requests run
// in one savepoint on one connection under the write gate, and the first failure rolls all of them back. A
// Content-ID names a change-set request's result, so later requests refer to it as $n (URL start, @odata.bind,
// @odata.id). Processing stops at the first failure, which then is the batch's status and only part, unless
// Prefer: odata.continue-on-error asks for every part's answer (then 200).
internal sealed partial class WebApi
{
    private const int MaxBatchRequests = 1000;

    private async Task Batch(HttpContext http)
    {
        if (http.Request.Method != "POST")
        {
            throw new WebApiException(405, "0x80060888", "The $batch resource only accepts POST.");
        }

        var boundary = BatchParts.Boundary(http.Request.ContentType)
            ?? throw new WebApiException(400, "0x80048d19", "A $batch request needs Content-Type: multipart/mixed with a boundary.");
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var items = BatchParts.Parse(await reader.ReadToEndAsync(http.RequestAborted), boundary);
        if (items.Sum(i => i.Requests.Count) > MaxBatchRequests)
        {
            throw new WebApiException(400, "0x80060888", $"The number of requests in a batch cannot exceed {MaxBatchRequests}.");
        }

        var continueOnError = http.Request.Headers["Prefer"].Any(p => p?.Contains("odata.continue-on-error", StringComparison.OrdinalIgnoreCase) == true);
        var answers = new List<BatchAnswer>();
        int? failure = null;
        foreach (var item in items)
        {
            var answer = item.ChangeSetBoundary is null
                ? new BatchAnswer(null, [await Execute(http, item.Requests[0], null, [])])
                : await ExecuteChangeSet(http, item);
            var failed = answer.Responses.FirstOrDefault(r => r.Status >= 400);
            if (failed is not null && !continueOnError)
            {
                // Stop at the first failure: it is the batch's answer.
                failure = failed.Status;
                answers = [new BatchAnswer(null, [failed])];
                break;
            }

            answers.Add(answer);
        }

        if (continueOnError)
        {
            http.Response.Headers["Preference-Applied"] = "odata.continue-on-error";
        }

        var responseBoundary = "batchresponse_" + Guid.NewGuid().ToString("D");
        http.Response.StatusCode = failure ?? 200;
        http.Response.ContentType = $"multipart/mixed; boundary={responseBoundary}";
        await http.Response.WriteAsync(BatchParts.Write(answers, responseBoundary), http.RequestAborted);
    }

    private async Task<BatchAnswer> ExecuteChangeSet(HttpContext http, BatchItem item)
    {
        var responses = new List<BatchResponse>();
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        await WriteGate.WaitAsync(http.RequestAborted);
        try
        {
            using var connection = connections.Open();
            var changeSet = new ChangeSet(connection);
            Sql.Execute(connection, "SAVEPOINT emulator_changeset");
            var committed = false;
            try
            {
                foreach (var request in item.Requests)
                {
                    var response = request.Method == "GET"
                        ? BatchResponse.Failure(request.ContentId, 400, "0x80060888", "A change set cannot contain GET requests.")
                        : await Execute(http, request, changeSet, references);
                    if (response.Status >= 400)
                    {
                        // One failure undoes the whole change set; the change set's answer is that failure alone.
                        return new BatchAnswer(null, [response]);
                    }

                    responses.Add(response);
                    if (request.ContentId is { } id && response.EntityId is { } url)
                    {
                        references["$" + id] = url;
                    }
                }

                Sql.Execute(connection, "RELEASE emulator_changeset");
                committed = true;
            }
            finally
            {
                if (!committed)
                {
                    Sql.Execute(connection, "ROLLBACK TO emulator_changeset");
                    Sql.Execute(connection, "RELEASE emulator_changeset");
                }
            }
        }
        finally
        {
            WriteGate.Release();
        }

        return new BatchAnswer("changesetresponse_" + Guid.NewGuid().ToString("D"), responses);
    }

    // Runs one request of the batch through the same routing as a request sent alone.
    private async Task<BatchResponse> Execute(HttpContext http, BatchRequest request, ChangeSet? changeSet, Dictionary<string, string> references)
    {
        var url = request.Url;
        var reference = ContentIdReference().Match(url);
        if (reference.Success)
        {
            if (!references.TryGetValue(reference.Value, out var target))
            {
                return BatchResponse.Failure(request.ContentId, 400, "0x80060888", $"Content-ID Reference: '{reference.Value}' does not exist in the batch context.");
            }

            url = target + url[reference.Length..];
        }

        var api = url.IndexOf(BasePath, StringComparison.OrdinalIgnoreCase);
        var relative = api >= 0 ? url[(api + BasePath.Length)..] : "/" + url.TrimStart('/');
        var query = relative.IndexOf('?', StringComparison.Ordinal);
        var body = ContentIdInBody().Replace(request.Body, m => references.TryGetValue(m.Groups[1].Value, out var target) ? JsonSerializer.Serialize(target) : m.Value);

        var context = new DefaultHttpContext { RequestServices = http.RequestServices };
        context.Request.Method = request.Method;
        context.Request.Scheme = http.Request.Scheme;
        context.Request.Host = http.Request.Host;
        context.Request.PathBase = http.Request.PathBase;
        context.Request.Path = query < 0 ? relative : relative[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(relative[query..]);
        foreach (var (name, value) in request.Headers)
        {
            context.Request.Headers.Append(name, value);
        }

        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var output = new MemoryStream();
        context.Response.Body = output;
        context.Response.Headers["OData-Version"] = "4.0";
        if (changeSet is not null)
        {
            context.Features.Set(changeSet);
        }

        await RouteAnsweringErrors(context);
        var entityId = context.Response.Headers["OData-EntityId"].ToString();
        if (entityId.Length > 0)
        {
            // Inside a batch, a create also answers with Location (batch).
            context.Response.Headers.Location = entityId;
        }

        return new BatchResponse(request.ContentId, context.Response.StatusCode, context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()),
            Encoding.UTF8.GetString(output.ToArray()), entityId.Length > 0 ? entityId : null);
    }

    [GeneratedRegex(@"^\$\d+")]
    private static partial Regex ContentIdReference();

    [GeneratedRegex(@"""(\$\d+)""")]
    private static partial Regex ContentIdInBody();
}

internal sealed record BatchRequest(string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, string Body, string? ContentId);

// A request outside change sets (one request, no boundary) or a change set.
internal sealed record BatchItem(string? ChangeSetBoundary, List<BatchRequest> Requests);

internal sealed record BatchResponse(string? ContentId, int Status, Dictionary<string, string> Headers, string Body, string? EntityId)
{
    public static BatchResponse Failure(string? contentId, int status, string code, string message) => new(contentId, status,
        new Dictionary<string, string> { ["Content-Type"] = "application/json; odata.metadata=minimal", ["OData-Version"] = "4.0" },
        JsonSerializer.Serialize(new { error = new { code, message } }), null);
}

// The answer to one batch item: a single response, or a change set's responses under their own boundary.
internal sealed record BatchAnswer(string? ChangeSetBoundary, List<BatchResponse> Responses);

// The multipart/mixed format of $batch bodies (batch): parts separated by --boundary, each with MIME headers, a
// blank line and an HTTP request or response message; a change set is a part that is itself multipart/mixed.
internal static class BatchParts
{
    private static readonly string[] ResponseHeaders = ["Content-Type", "OData-Version", "Location", "OData-EntityId", "ETag", "Preference-Applied"];

    public static string? Boundary(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(media.Boundary).Value
            : null;

    public static List<BatchItem> Parse(string body, string boundary)
    {
        var items = new List<BatchItem>();
        foreach (var part in Parts(body, boundary))
        {
            var (headers, content) = SplitHeaders(part);
            var contentType = headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
            if (Boundary(contentType) is { } changeSet)
            {
                items.Add(new BatchItem(changeSet, [.. Parts(content, changeSet).Select(Request)]));
            }
            else
            {
                items.Add(new BatchItem(null, [Request(part)]));
            }
        }

        return items;
    }

    public static string Write(List<BatchAnswer> answers, string boundary)
    {
        var text = new StringBuilder();
        foreach (var answer in answers)
        {
            text.Append("--").Append(boundary).Append("\r\n");
            if (answer.ChangeSetBoundary is { } changeSet)
            {
                text.Append("Content-Type: multipart/mixed; boundary=").Append(changeSet).Append("\r\n\r\n");
                foreach (var response in answer.Responses)
                {
                    text.Append("--").Append(changeSet).Append("\r\n");
                    Write(text, response);
                }

                text.Append("--").Append(changeSet).Append("--\r\n");
            }
            else
            {
                Write(text, answer.Responses[0]);
            }
        }

        return text.Append("--").Append(boundary).Append("--\r\n").ToString();
    }

    private static void Write(StringBuilder text, BatchResponse response)
    {
        text.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (response.ContentId is { } id)
        {
            text.Append("Content-ID: ").Append(id).Append("\r\n");
        }

        text.Append("\r\nHTTP/1.1 ").Append(response.Status).Append(' ').Append(ReasonPhrases.GetReasonPhrase(response.Status)).Append("\r\n");
        foreach (var name in ResponseHeaders)
        {
            if (response.Headers.TryGetValue(name, out var value) && value.Length > 0)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        text.Append("\r\n").Append(response.Body).Append("\r\n");
    }

    // The parts between --boundary lines, up to --boundary--.
    private static IEnumerable<string> Parts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var sections = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        StringBuilder? current = null;
        foreach (var line in sections)
        {
            if (line.TrimEnd() == delimiter || line.TrimEnd() == delimiter + "--")
            {
                if (current is not null)
                {
                    yield return current.ToString();
                }

                current = line.TrimEnd() == delimiter ? new StringBuilder() : null;
                continue;
            }

            current?.Append(line).Append('\n');
        }
    }

    // A part's MIME headers (Content-Type, Content-ID, ...) and what follows the blank line.
    private static (List<(string Name, string Value)> Headers, string Content) SplitHeaders(string part)
    {
        var headers = new List<(string, string)>();
        var lines = part.Split('\n');
        var i = 0;
        for (; i < lines.Length && lines[i].Trim().Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add((lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
            }
        }

        return (headers, string.Join('\n', lines.Skip(i + 1)));
    }

    private static BatchRequest Request(string part)
    {
        var (mime, message) = SplitHeaders(part);
        var contentId = mime.FirstOrDefault(h => h.Name.Equals("Content-ID", StringComparison.OrdinalIgnoreCase)).Value;
        message = message.TrimStart('\n');
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        var requestLine = (newline < 0 ? message : message[..newline]).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requestLine.Length < 2)
        {
            throw new WebApiException(400, "0x80048d19", "A $batch part does not hold an HTTP request (method and URL).");
        }

        var (headers, body) = SplitHeaders(newline < 0 ? "" : message[(newline + 1)..]);
        return new BatchRequest(requestLine[0].ToUpperInvariant(), requestLine[1], headers, body.TrimEnd('\n'), contentId);
    }
}
