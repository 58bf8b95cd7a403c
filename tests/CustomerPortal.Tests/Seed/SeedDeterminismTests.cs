using CustomerPortal.Seed;

namespace CustomerPortal.Tests.Seed;

public sealed class SeedDeterminismTests(SeededMirror seeded)
{
    [Fact]
    public void Seeding_the_same_profile_again_gives_identical_rows_and_user_ids()
    {
        using var again = new TempDirectory();
        MirrorSeeder.Seed(SeedProfile.Parse(TestProfiles.Small().ToJsonString()), again.Path);

        var first = SeededMirror.Fingerprint(seeded.DataDirectory);
        var second = SeededMirror.Fingerprint(again.Path);
        Assert.Equal(13, first.Count);
        Assert.All(first, table => Assert.Equal(table.Value, second[table.Key]));

        Assert.Equal(PortalUsers(seeded.DataDirectory), PortalUsers(again.Path));
        Assert.Equal(seeded.Profile.Json, File.ReadAllText(again.File(MirrorSeeder.ProfileCopyFileName)));
    }

    [Fact]
    public void A_different_random_seed_gives_different_rows_in_every_table()
    {
        using var other = new TempDirectory();
        MirrorSeeder.Seed(SeedProfile.Parse(TestProfiles.Small(randomSeed: 777).ToJsonString()), other.Path);

        var first = SeededMirror.Fingerprint(seeded.DataDirectory);
        var second = SeededMirror.Fingerprint(other.Path);

        Assert.All(first, table => Assert.NotEqual(table.Value, second[table.Key]));
    }

    private static List<string> PortalUsers(string dataDirectory)
    {
        using var store = new SeededPortalStore(dataDirectory);
        return store.Users.Users.OrderBy(u => u.Email).Select(u => u.Id + " " + u.Email + " " + u.ContactId).ToList();
    }
}
