using System.Text.RegularExpressions;

namespace CustomerPortal.DataverseEmulator.Tests;

// "Page results using OData": the $skiptoken is a <cookie pagenumber="n" …/>; the link after page n names page n+1.
public sealed partial class PagingCookieTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Each_next_link_names_the_following_page()
    {
        var prefer = ("Prefer", "odata.maxpagesize=3");
        var first = await emulator.GetJson("contacts?$select=fullname", prefer);
        var second = await emulator.GetJson(first.GetProperty("@odata.nextLink").GetString()!, prefer);

        Assert.Equal("2", PageNumber().Match(Uri.UnescapeDataString(first.GetProperty("@odata.nextLink").GetString()!)).Groups[1].Value);
        Assert.Equal("3", PageNumber().Match(Uri.UnescapeDataString(second.GetProperty("@odata.nextLink").GetString()!)).Groups[1].Value);
    }

    [GeneratedRegex("pagenumber=\"(\\d+)\"")]
    private static partial Regex PageNumber();
}
