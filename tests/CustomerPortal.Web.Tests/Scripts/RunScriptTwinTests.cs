using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CustomerPortal.Web.Tests.Scripts;

// run.sh and run.ps1 (on PowerShell 7, pwsh) as a user runs them in a fresh clone: the same options, the
// same help and errors, the same portal on the same data, the same printed sign-ins. Skipped without pwsh
// or bash, unless CUSTOMERPORTAL_REQUIRE_PWSH=1 (CI), where a missing shell is a failure.
public sealed partial class RunScriptTwinTests(ScriptClone clone) : IClassFixture<ScriptClone>
{
    private static readonly Script[] BothScripts = [Script.Bash, Script.PowerShell];

    // The first run of the class builds the clone from scratch: generous on a shared machine.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public void BothScriptsAcceptTheSameOptionsInTheSameOrderAndTheReadmeListsThemAll()
    {
        var bash = File.ReadAllText(Path.Combine(SeededPortalData.RepositoryRoot, "run.sh"));
        var powerShell = File.ReadAllText(Path.Combine(SeededPortalData.RepositoryRoot, "run.ps1"));
        var readme = File.ReadAllText(Path.Combine(SeededPortalData.RepositoryRoot, "README.md"));

        var bashOptions = BashCaseLabel().Matches(bash).SelectMany(m => m.Groups[1].Value.Split('|')).Where(o => o != "*").ToList();
        var powerShellOptions = PowerShellSwitchLabel().Matches(powerShell)
            .SelectMany(m => m.Groups[1].Success ? [m.Groups[1].Value] : QuotedWord().Matches(m.Groups[2].Value).Select(q => q.Groups[1].Value)).ToList();

        Assert.Contains("--port", bashOptions);
        Assert.Contains("--reseed", bashOptions);
        Assert.Equal(bashOptions, powerShellOptions);
        var readmeOptions = ReadmeOptionRow().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(bashOptions.Where(o => o.StartsWith("--", StringComparison.Ordinal) && o != "--help"), readmeOptions);
        foreach (var option in readmeOptions)
        {
            Assert.Contains(option, UsageLines(bash), StringComparison.Ordinal);
            Assert.Contains(option, UsageLines(powerShell), StringComparison.Ordinal);
        }
    }

    // Line-for-line twins: the same number of lines and the same comments on the same lines, so a block
    // added to one script and not to the other shows here before a user meets the difference.
    [Fact]
    public void BothScriptsHaveTheSameCommentsOnTheSameLines()
    {
        var bash = File.ReadAllLines(Path.Combine(SeededPortalData.RepositoryRoot, "run.sh"));
        var powerShell = File.ReadAllLines(Path.Combine(SeededPortalData.RepositoryRoot, "run.ps1"));

        Assert.Equal(bash.Length, powerShell.Length);
        static List<string> Comments(string[] lines) =>
            lines.Select((line, number) => (line.TrimStart(), number)).Where(l => l.Item1.StartsWith("# ", StringComparison.Ordinal))
                .Select(l => $"{l.number + 1}: {Normalized([l.Item1])}").ToList();
        Assert.Equal(Comments(bash), Comments(powerShell));
        Assert.True(Comments(bash).Count >= 6);
    }

    [Fact]
    public void HelpPrintsTheSameUsageFromBothScriptsAndNamesEveryOption()
    {
        clone.RequireShells();
        foreach (var help in new[] { "--help", "-h" })
        {
            var printed = new List<string>();
            foreach (var script in BothScripts)
            {
                using var run = ScriptProcess.Start(clone, script, help);
                Assert.Equal(0, run.WaitForExit(TimeSpan.FromMinutes(1)));
                Assert.Empty(run.Error);
                printed.Add(Normalized(run.Output));
            }

            Assert.Equal(printed[0], printed[1]);
            foreach (var option in new[] { "--port N", "--data-dir DIR", "--profile PATH", "--reseed", "--dataverse-emulator", "--emulator-port N", "test", "create-admin --email ADDRESS", "remove-demo-users" })
            {
                Assert.Contains(option, printed[0], StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("--prot", "5000")]
    [InlineData("--Port", "5000")]
    [InlineData("TEST")]
    [InlineData("--port", "5000", "--reseed", "extra")]
    public void AnUnknownArgumentStopsBothScriptsWithTheSameMessageBeforeBuildingAnything(params string[] arguments)
    {
        clone.RequireShells();
        var unknown = arguments.Length == 4 ? "extra" : arguments[0];
        foreach (var script in BothScripts)
        {
            using var run = ScriptProcess.Start(clone, script, arguments);

            Assert.Equal(2, run.WaitForExit(TimeSpan.FromMinutes(1)));
            Assert.Equal($"{Name(script)}: unknown argument '{unknown}' (try --help)", Assert.Single(run.Error));
            Assert.Empty(run.Output);
        }
    }

    [Fact]
    public void BothScriptsAreExecutableFilesWithAShebangLine()
    {
        clone.RequireShells();
        foreach (var script in BothScripts)
        {
            var path = Path.Combine(clone.Root, Name(script));
            Assert.StartsWith(script == Script.Bash ? "#!/usr/bin/env bash\n" : "#!/usr/bin/env pwsh\n", File.ReadAllText(path), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{Name(script)} is not executable in a fresh clone.");
            }
        }
    }

    // Three runs of each script on one data directory, as a user lives with it: the first run seeds it from
    // the given profile; a restart in Dataverse mode keeps it (the profile is only for seeding) and serves it
    // through the emulator; --reseed rebuilds it from the default profile. After each run the script's whole
    // process tree is killed and neither the portal's nor the emulator's port may still be listening.
    // Going live from a clone: the password typed at the prompt (standard input), never an argument.
    [Fact]
    public void CreateAdminFromEitherScriptMakesAPortalStoreWithThatAdministratorOnly()
    {
        clone.RequireShells();
        foreach (var script in BothScripts)
        {
            var dataDirectory = Path.Combine(clone.Root, "scratch", $"golive-{Name(script)}");
            using var run = ScriptProcess.Start(clone, script, "create-admin", "--email", "it@contoso.example", "--data-dir", dataDirectory);
            run.Answer("Quiet harbour 58 lanterns");

            Assert.True(run.WaitForExit(StartTimeout) == 0, run.Transcript());
            Assert.Contains(run.Output, line => line.Contains("Administrator it@contoso.example created", StringComparison.Ordinal));
            var store = PortalStoreQueries.Open(Path.Combine(dataDirectory, "portal.db"));
            Assert.Equal("IT@CONTOSO.EXAMPLE", store.Scalar("SELECT group_concat(NormalizedEmail) FROM AspNetUsers"));
            Assert.False(File.Exists(Path.Combine(dataDirectory, "mirror.db")), "create-admin must not seed demo data.");
        }
    }

    [Fact]
    public async Task BothScriptsServeTheSameDataTheSameWayForEveryOption()
    {
        clone.RequireShells();
        var profile = Path.Combine("scratch", "profiles", "tiny.json");
        WriteTinyProfile(Path.Combine(clone.Root, profile));

        var firstRun = await RunBothAsync(
            "first run seeds --data-dir from --profile, SQLite mode",
            dataDir => ["--port", "{port}", "--data-dir", dataDir, "--profile", profile],
            expectedSeed: "tiny", expectedPassword: TinyPassword, expectedSource: "SQLite mirror");
        foreach (var (script, _) in firstRun)
        {
            var dataDirectory = DataDirectory(script);
            Assert.True(File.Exists(Path.Combine(dataDirectory, "mirror.db")), $"{Name(script)}: no mirror.db in --data-dir {dataDirectory}");
            Assert.True(File.Exists(Path.Combine(dataDirectory, "portal.db")), $"{Name(script)}: no portal.db in --data-dir {dataDirectory}");
            // The demo's example brand comes with the seed (README, Branding).
            Assert.True(File.Exists(Path.Combine(dataDirectory, "branding.json")), $"{Name(script)}: no branding.json in --data-dir {dataDirectory}");
            Assert.True(File.Exists(Path.Combine(dataDirectory, "brand", "logo.svg")), $"{Name(script)}: no brand/logo.svg in --data-dir {dataDirectory}");
            Assert.True(File.Exists(Path.Combine(dataDirectory, "pages", "terms.fr.md")), $"{Name(script)}: no pages/terms.fr.md in --data-dir {dataDirectory}");
        }

        Assert.False(Directory.Exists(Path.Combine(clone.Root, "data")), "With --data-dir nothing may be written to the default ./data.");

        await RunBothAsync(
            "restart with --dataverse-emulator keeps the data directory",
            dataDir => ["--data-dir", dataDir, "--profile", "seed/demo.json", "--dataverse-emulator", "--emulator-port", "{emulatorPort}", "--port", "{port}"],
            expectedSeed: null, expectedPassword: TinyPassword, expectedSource: "Dataverse https://localhost:{emulatorPort}");

        await RunBothAsync(
            "--reseed rebuilds the data directory from the default profile",
            dataDir => ["--port", "{port}", "--reseed", "--data-dir", dataDir],
            expectedSeed: "demo", expectedPassword: "Demo-Portal-2026!", expectedSource: "SQLite mirror");
    }

    private const string TinyPassword = "Tiny-Profile-2026!";

    private string DataDirectory(Script script) => Path.Combine(clone.Root, "scratch", script == Script.Bash ? "sh data" : "ps1 data");

    // Runs run.sh, then run.ps1, with the same options (each on its own data directory, with a space in its
    // name) and checks what a user sees: /healthz, the data source /healthz/ready names, whether the data was
    // seeded and from which profile, and the lines the two print from "Customer portal:" on, which must match.
    private async Task<List<(Script Script, List<string> Lines)>> RunBothAsync(string step, Func<string, string[]> arguments,
        string? expectedSeed, string expectedPassword, string expectedSource)
    {
        var printed = new List<(Script, List<string>)>();
        foreach (var script in BothScripts)
        {
            var port = ScriptProcess.FreePort();
            var emulatorPort = ScriptProcess.FreePort();
            var dataDirectory = DataDirectory(script);
            var relativeDataDirectory = Path.GetRelativePath(clone.Root, dataDirectory);
            var expanded = arguments(relativeDataDirectory).Select(a => a.Replace("{port}", $"{port}", StringComparison.Ordinal)
                .Replace("{emulatorPort}", $"{emulatorPort}", StringComparison.Ordinal)).ToArray();
            var context = $"{Name(script)} {string.Join(' ', expanded)} ({step})";

            var run = ScriptProcess.Start(clone, script, expanded);
            try
            {
                await run.WaitForHealthzAsync(port, StartTimeout);
                await run.WaitForOutputAsync(line => line.StartsWith("Customer portal listening on", StringComparison.Ordinal), TimeSpan.FromMinutes(1));

                using (var http = new HttpClient())
                {
                    using var response = await http.GetAsync(new Uri($"http://localhost:{port}/healthz/ready"), TestContext.Current.CancellationToken);
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{context}: /healthz/ready answered {response.StatusCode}\n{run.Transcript()}");
                    using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                    var dataSource = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "data-source");
                    Assert.Contains(expectedSource.Replace("{emulatorPort}", $"{emulatorPort}", StringComparison.Ordinal),
                        dataSource.GetProperty("description").GetString(), StringComparison.Ordinal);
                }

                var output = run.Output;
                var seeded = output.Where(l => l.StartsWith("Seeded profile", StringComparison.Ordinal)).ToList();
                if (expectedSeed is null)
                {
                    Assert.True(seeded.Count == 0, $"{context}: the existing data directory was seeded again:\n{run.Transcript()}");
                }
                else
                {
                    Assert.True(seeded.Count == 1 && seeded[0].StartsWith($"Seeded profile '{expectedSeed}' into {dataDirectory} ", StringComparison.Ordinal),
                        $"{context}: expected one 'Seeded profile '{expectedSeed}' into {dataDirectory}':\n{run.Transcript()}");
                }

                var lines = PrintedLines(output, port, dataDirectory);
                Assert.True(lines.Count > 2, $"{context}: no sign-ins printed:\n{run.Transcript()}");
                Assert.Equal("Customer portal: http://localhost:{port} (data in {data}, Ctrl+C to stop); the demo sign-ins follow once it listens", lines[0]);
                Assert.Contains(lines, l => l.StartsWith("  rep@contoso.example", StringComparison.Ordinal) && l.Contains(expectedPassword, StringComparison.Ordinal));
                printed.Add((script, lines));
            }
            finally
            {
                run.Dispose();
            }

            AssertStoppedListening(context, port, emulatorPort);
        }

        Assert.Equal(printed[0].Item2, printed[1].Item2);
        return printed;
    }

    private static void AssertStoppedListening(string context, params int[] ports)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ports.Any(ScriptProcess.IsListening) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(200);
        }

        foreach (var port in ports)
        {
            Assert.False(ScriptProcess.IsListening(port), $"{context}: port {port} still listens after the script's process tree was killed.");
        }
    }

    // The lines the script and the portal print for the user, from "Customer portal:" on: the address line,
    // the "listening" line and the sign-ins (log lines of ASP.NET Core left out), with the run's port and
    // data directory replaced so the two scripts' runs compare.
    private static List<string> PrintedLines(IReadOnlyList<string> output, int port, string dataDirectory) =>
        output.SkipWhile(l => !l.StartsWith("Customer portal:", StringComparison.Ordinal))
            .Where(l => l.StartsWith("Customer portal", StringComparison.Ordinal) || SignInLine().IsMatch(l))
            .Select(l => l.Replace(dataDirectory, "{data}", StringComparison.Ordinal).Replace($":{port}", ":{port}", StringComparison.Ordinal))
            .ToList();

    // The demo profile made small (seeds in seconds) with its own persona password, so the printed sign-ins
    // show which profile the data directory was seeded from.
    private static void WriteTinyProfile(string path)
    {
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(SeededPortalData.RepositoryRoot, "seed", "demo.json")))!.AsObject();
        profile["name"] = "tiny";
        var counts = profile["counts"]!.AsObject();
        counts["accounts"] = 10;
        counts["contacts"] = 40;
        counts["products"] = 40;
        counts["orders"] = 100;
        foreach (var persona in profile["personas"]!.AsArray())
        {
            persona!["password"] = TinyPassword;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, profile.ToJsonString());
    }

    private static string Name(Script script) => script == Script.Bash ? "run.sh" : "run.ps1";

    // Help text with the script names made equal and the columns' padding (one character wider for run.ps1) ignored.
    private static string Normalized(IEnumerable<string> lines) =>
        string.Join('\n', lines.Select(l => Spaces().Replace(ScriptName().Replace(l, "run.*"), " ")));

    private static string UsageLines(string script) => string.Join('\n', script.Split('\n').Skip(1).Take(6));

    // run.sh: the `case` labels of the argument loop, e.g. "    --port) port=..." or "    -h|--help) ...".
    [GeneratedRegex(@"^    ([^\s()]+)\)", RegexOptions.Multiline)]
    private static partial Regex BashCaseLabel();

    // run.ps1: the `switch` labels, e.g. "    '--port' { ..." or "    { $_ -cin '-h', '--help' } { ...".
    [GeneratedRegex(@"^    (?:'([^']+)' \{|\{ \$_ -cin ((?:'[^']+'(?:, )?)+) \} \{)", RegexOptions.Multiline)]
    private static partial Regex PowerShellSwitchLabel();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedWord();

    // README: the options table's rows, e.g. "| `--port N` | `5080` | ...".
    [GeneratedRegex(@"^\| `(--[a-z-]+)[^`]*` \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeOptionRow();

    [GeneratedRegex(@"^  \S+@\S+ +\S+ +\S+$")]
    private static partial Regex SignInLine();

    [GeneratedRegex(@"run\.(sh|ps1)")]
    private static partial Regex ScriptName();

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
