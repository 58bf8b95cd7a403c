using System.Net;

namespace CustomerPortal.DataverseEmulator.Tests;

// "Perform conditional operations using the Web API": a GET with If-None-Match set to the record's ETag answers
// 304 Not Modified with no body while the record is unchanged, and never for $expand or annotations.
public sealed class ConditionalTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task An_unchanged_record_answers_304_with_no_body_and_a_changed_one_200()
    {
        var id = emulator.Scalar("SELECT contactid FROM contact ORDER BY contactid LIMIT 1 OFFSET 3");
        using var first = await emulator.Send(HttpMethod.Get, $"contacts({id})?$select=jobtitle");
        var etag = first.Headers.ETag!.ToString();

        using var unchanged = await emulator.Send(HttpMethod.Get, $"contacts({id})?$select=jobtitle", null, ("If-None-Match", etag));
        using var update = await emulator.Send(HttpMethod.Patch, $"contacts({id})", new { jobtitle = "Purchasing" });
        using var changed = await emulator.Send(HttpMethod.Get, $"contacts({id})?$select=jobtitle", null, ("If-None-Match", etag));

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.Contains("Purchasing", await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    // compose recommends If-None-Match: null on every request; it never matches.
    [InlineData("?$select=fullname", "null", null)]
    [InlineData("?$select=fullname&$expand=parentcustomerid_account($select=name)", "{etag}", null)]
    [InlineData("?$select=fullname", "{etag}", "odata.include-annotations=\"*\"")]
    public async Task Null_expand_and_annotations_always_answer_200(string query, string ifNoneMatch, string? prefer)
    {
        var id = emulator.Scalar("SELECT contactid FROM contact WHERE parentcustomerid IS NOT NULL ORDER BY contactid LIMIT 1");
        using var first = await emulator.Send(HttpMethod.Get, $"contacts({id})?$select=fullname");
        (string, string)[] headers = [("If-None-Match", ifNoneMatch.Replace("{etag}", first.Headers.ETag!.ToString(), StringComparison.Ordinal)), .. prefer is null ? [] : new[] { ("Prefer", prefer) }];

        using var response = await emulator.Send(HttpMethod.Get, $"contacts({id}){query}", null, headers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
