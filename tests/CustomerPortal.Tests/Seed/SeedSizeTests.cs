using System.Text.Json.Nodes;
using CustomerPortal.Seed;

namespace CustomerPortal.Tests.Seed;

public sealed class SeedSizeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void The_smallest_profile_seeds_one_of_everything(int orders)
    {
        using var data = new TempDirectory();
        var profile = TestProfiles.Small();
        profile["counts"] = new JsonObject
        {
            ["companies"] = 1,
            ["accounts"] = 1,
            ["contacts"] = 1,
            ["products"] = 1,
            ["orders"] = orders,
            ["linesPerOrder"] = new JsonObject { ["min"] = 1, ["max"] = 1 },
        };
        profile["personas"] = new JsonArray();

        var summary = MirrorSeeder.Seed(SeedProfile.Parse(profile.ToJsonString()), data.Path);

        Assert.Equal((1, 1, 1, 1, orders, orders), (summary.Companies, summary.Accounts, summary.Contacts, summary.Products, summary.SalesOrders, summary.SalesOrderLines));
        Assert.Equal(2, summary.PriceLists);
        Assert.Equal(0, summary.PortalUsers);
        using var mirror = SeededMirror.OpenMirror(data.Path);
        Assert.Equal(orders, mirror.SalesOrders.Count());
    }
}
