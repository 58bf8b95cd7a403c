using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPortal.DataverseEmulator.Tests;

// "Execute batch operations using the Web API": change sets are atomic, Content-ID references ($1) work in URLs
// and @odata.bind, GETs run outside change sets, the first failure stops the batch unless
// Prefer: odata.continue-on-error. Responses are read with ASP.NET Core's MultipartReader, not our own parser.
public sealed class BatchTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly SampleOrders _orders = new(emulator);

    [Fact]
    public async Task A_change_set_creates_an_order_and_a_line_through_content_id_references_and_a_get_follows()
    {
        var order = Guid.NewGuid();
        var line = _orders.Line(Guid.NewGuid(), 4);
        line["salesorderid@odata.bind"] = "$1";
        var body = Batch(
            ChangeSet(
                Part("POST", "salesorders", _orders.Order(order, "EMU-B" + order.ToString("N")[..6]), "1"),
                Part("POST", "salesorderdetails", line, "2"),
                Part("PATCH", "$1", new { name = "Patched through $1" }, "3")),
            Part("GET", $"salesorders({order})?$select=name&$expand=order_details($select=quantity)"));

        var (status, parts) = await Send(body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, parts.Count);
        Assert.All(parts.Take(3), p => Assert.Equal(204, p.Status));
        Assert.Equal(["1", "2", "3"], parts.Take(3).Select(p => p.ContentId));
        Assert.Equal($"{emulator.Api}salesorders({order})", parts[0].Headers["OData-EntityId"]);
        Assert.Equal(200, parts[3].Status);
        var read = JsonDocument.Parse(parts[3].Body).RootElement;
        Assert.Equal("Patched through $1", read.GetProperty("name").GetString());
        Assert.Equal(4m, read.GetProperty("order_details")[0].GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task One_failure_rolls_back_the_whole_change_set_and_stops_the_batch()
    {
        var order = Guid.NewGuid();
        var body = Batch(
            ChangeSet(
                Part("POST", "salesorders", _orders.Order(order, "EMU-R" + order.ToString("N")[..6]), "1"),
                Part("POST", "salesorderdetails", _orders.Line(Guid.NewGuid(), 1, product: Guid.NewGuid().ToString()), "2")),
            Part("GET", "WhoAmI"));

        var (status, parts) = await Send(body);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, Assert.Single(parts).Status);
        Assert.Equal(0, _orders.Count("salesorder", $"salesorderid = '{SampleOrders.Stored(order)}'"));
    }

    [Fact]
    public async Task Continue_on_error_answers_every_part_with_its_own_status()
    {
        var body = Batch(
            Part("GET", $"contacts({Guid.NewGuid()})?$select=fullname"),
            Part("GET", "WhoAmI"));

        var (status, parts) = await Send(body, ("Prefer", "odata.continue-on-error"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([404, 200], parts.Select(p => p.Status));
        Assert.EndsWith("Does Not Exist", JsonDocument.Parse(parts[0].Body).RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undeclared_content_id_is_a_bad_request()
    {
        var (status, parts) = await Send(Batch(ChangeSet(Part("PATCH", "$9", new { name = "x" }, "1"))));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Content-ID Reference: '$9' does not exist in the batch context.",
            JsonDocument.Parse(Assert.Single(parts).Body).RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    private const string BatchBoundary = "batch_emulator";

    private static string Batch(params string[] parts) => string.Concat(parts.Select(p => $"--{BatchBoundary}\r\n{p}")) + $"--{BatchBoundary}--\r\n";

    private static string ChangeSet(params string[] parts)
    {
        var boundary = "changeset_" + Guid.NewGuid().ToString("N");
        return $"Content-Type: multipart/mixed; boundary={boundary}\r\n\r\n" + string.Concat(parts.Select(p => $"--{boundary}\r\n{p}")) + $"--{boundary}--\r\n";
    }

    private static string Part(string method, string url, object? body = null, string? contentId = null) =>
        "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n" + (contentId is null ? "" : $"Content-ID: {contentId}\r\n") + "\r\n"
        + $"{method} {(url.StartsWith('$') ? url : "/api/data/v9.2/" + url)} HTTP/1.1\r\n"
        + (body is null ? "Accept: application/json\r\n\r\n" : $"Content-Type: application/json; type=entry\r\n\r\n{JsonSerializer.Serialize(body)}\r\n");

    private async Task<(HttpStatusCode Status, List<(int Status, string? ContentId, Dictionary<string, string> Headers, string Body)> Parts)> Send(string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Api + "$batch");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Token);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/mixed; boundary={BatchBoundary}");
        using var response = await emulator.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var boundary = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(response.Content.Headers.ContentType!.ToString()).Boundary).Value!;
        Assert.StartsWith("batchresponse_", boundary, StringComparison.Ordinal);
        var parts = new List<(int, string?, Dictionary<string, string>, string)>();
        await Read(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), boundary, parts);
        return (response.StatusCode, parts);
    }

    private static async Task Read(Stream stream, string boundary, List<(int, string?, Dictionary<string, string>, string)> parts)
    {
        var reader = new MultipartReader(boundary, stream);
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            if (section.ContentType!.StartsWith("multipart/mixed", StringComparison.Ordinal))
            {
                var nested = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(section.ContentType).Boundary).Value!;
                Assert.StartsWith("changesetresponse_", nested, StringComparison.Ordinal);
                await Read(section.Body, nested, parts);
                continue;
            }

            Assert.Equal("application/http", section.ContentType);
            var message = await new StreamReader(section.Body).ReadToEndAsync();
            var lines = message.Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var end = Array.IndexOf(lines, "");
            var responseHeaders = lines[1..end].Select(l => l.Split(": ", 2)).ToDictionary(h => h[0], h => h[1]);
            parts.Add((status, section.Headers!.TryGetValue("Content-ID", out var id) ? id.ToString() : null, responseHeaders, string.Join("\r\n", lines[(end + 1)..]).Trim()));
        }
    }
}
