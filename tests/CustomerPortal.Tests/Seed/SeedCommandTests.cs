using CustomerPortal.Seed;

namespace CustomerPortal.Tests.Seed;

public sealed class SeedCommandTests
{
    [Fact]
    public void Seeds_a_new_data_directory_and_prints_the_rows_per_table()
    {
        using var work = new TempDirectory();
        var profile = WriteProfile(work, TestProfiles.Tiny().ToJsonString());
        var dataDirectory = Path.Combine(work.Path, "data");

        var (exitCode, output, errors) = Run("--profile", profile, "--data-dir", dataDirectory);

        Assert.Equal(SeedCommand.Seeded, exitCode);
        Assert.Equal([MirrorSeeder.MirrorFileName, MirrorSeeder.PortalStoreFileName, MirrorSeeder.ProfileCopyFileName],
            Directory.GetFiles(dataDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("salesorder ", output, StringComparison.Ordinal);
        Assert.Contains("rows/s", output, StringComparison.Ordinal);
        Assert.Contains("orders 30 / 30 (100%)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_data_directory_that_already_holds_a_mirror_unless_forced()
    {
        using var work = new TempDirectory();
        var profile = WriteProfile(work, TestProfiles.Tiny().ToJsonString());
        File.WriteAllText(work.File(MirrorSeeder.MirrorFileName), "existing mirror");

        var (exitCode, _, errors) = Run("--profile", profile, "--data-dir", work.Path);

        Assert.Equal(SeedCommand.Refused, exitCode);
        Assert.Contains("--force", errors, StringComparison.Ordinal);
        Assert.Equal("existing mirror", File.ReadAllText(work.File(MirrorSeeder.MirrorFileName)));
        Assert.False(File.Exists(work.File(MirrorSeeder.PortalStoreFileName)));

        var (forcedExitCode, _, _) = Run("--profile", profile, "--data-dir", work.Path, "--force");

        Assert.Equal(SeedCommand.Seeded, forcedExitCode);
        Assert.NotEqual("existing mirror", File.ReadAllText(work.File(MirrorSeeder.MirrorFileName)));
    }

    [Fact]
    public void A_bad_profile_is_reported_and_nothing_is_written()
    {
        using var work = new TempDirectory();
        var profile = TestProfiles.Tiny();
        profile["counts"]!["orders"] = -1;
        var profilePath = WriteProfile(work, profile.ToJsonString());
        var dataDirectory = Path.Combine(work.Path, "data");

        var (exitCode, output, errors) = Run("--profile", profilePath, "--data-dir", dataDirectory);

        Assert.Equal(SeedCommand.BadInput, exitCode);
        Assert.Contains(profilePath + ": counts.orders must be between 0", errors, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(dataDirectory));
    }

    [Theory]
    [InlineData("--data-dir", "somewhere")]
    [InlineData("--profile", "seed/demo.json")]
    [InlineData("--profile", "seed/demo.json", "--data-dir", "x", "--frobnicate")]
    public void Bad_arguments_print_the_usage(params string[] args)
    {
        var (exitCode, _, errors) = Run(args);

        Assert.Equal(SeedCommand.BadInput, exitCode);
        Assert.Contains("Usage:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_that_fails_half_way_leaves_the_existing_data_untouched()
    {
        using var work = new TempDirectory();
        File.WriteAllText(work.File(MirrorSeeder.MirrorFileName), "old mirror");
        File.WriteAllText(work.File(MirrorSeeder.PortalStoreFileName), "old portal store");
        var profile = SeedProfile.Parse(TestProfiles.Tiny().ToJsonString());

        Assert.Throws<IOException>(() => MirrorSeeder.Seed(profile, work.Path, new FailingWriter("creating portal users")));

        Assert.Equal([MirrorSeeder.MirrorFileName, MirrorSeeder.PortalStoreFileName], work.FileNames());
        Assert.Equal("old mirror", File.ReadAllText(work.File(MirrorSeeder.MirrorFileName)));
        Assert.Equal("old portal store", File.ReadAllText(work.File(MirrorSeeder.PortalStoreFileName)));
    }

    private static string WriteProfile(TempDirectory work, string json)
    {
        var path = work.File("profile.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int ExitCode, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = SeedCommand.Run(args, output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    // Progress output that breaks (a closed pipe, a full disk) once the seed reaches the given step.
    private sealed class FailingWriter(string failAt) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            if (value?.StartsWith(failAt, StringComparison.Ordinal) == true)
            {
                throw new IOException("progress output failed");
            }

            base.WriteLine(value);
        }
    }
}
