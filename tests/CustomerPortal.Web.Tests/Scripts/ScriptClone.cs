using System.Diagnostics;

namespace CustomerPortal.Web.Tests.Scripts;

// A fresh clone of this repository in a temp folder, shared by the tests of run.sh and run.ps1: the scripts
// run there the way a user runs them after `git clone`, with ./data, bin/ and obj/ absent at first.
//
// Why one clone per test class, built by the first script run and reused by the others: a clone is the
// honest place (a script that needs an untracked file, the developer's ./data or a build left in the
// working tree fails here as it would for a newcomer), but it builds from scratch (about 70 s on a quiet
// 2-core machine). Built once, every later run of either script is an incremental no-op build, exactly as
// a user's second ./run.sh is. Running the scripts in the repository itself would save that first build
// but would test the developer's build output and could never exercise the scripts' first run.
//
// The clone is of the working tree's tracked files as `git stash create` records them (HEAD when nothing
// is changed, which is always the case in CI), so a developer testing an edit to a script tests the edit;
// untracked files are left out, as they would be from a clone.
public sealed class ScriptClone : IDisposable
{
    public const string RequirePwshVariable = "CUSTOMERPORTAL_REQUIRE_PWSH";

    private readonly Lazy<string> _root;

    public ScriptClone()
    {
        Pwsh = FindOnPath("pwsh");
        Bash = FindOnPath("bash");
        _root = new Lazy<string>(Clone);
    }

    public string? Pwsh { get; }

    public string? Bash { get; }

    // The clone, made on first use (after a test has decided it runs rather than skips).
    public string Root => _root.Value;

    // Skips when a shell is missing, unless CI (CUSTOMERPORTAL_REQUIRE_PWSH=1, set by .ci/run) demands it.
    public void RequireShells()
    {
        var missing = new[] { ("pwsh", Pwsh), ("bash", Bash) }.Where(s => s.Item2 is null).Select(s => s.Item1).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        Assert.False(Environment.GetEnvironmentVariable(RequirePwshVariable) == "1",
            $"{string.Join(" and ", missing)} not on PATH and {RequirePwshVariable}=1 (.ci/run installs PowerShell 7: dotnet tool install --global PowerShell --version 7.6.9, on PATH from ~/.dotnet/tools).");
        Assert.Skip($"{string.Join(" and ", missing)} not on PATH: dotnet tool install --global PowerShell --version 7.6.9 and add ~/.dotnet/tools to PATH.");
    }

    public void Dispose()
    {
        if (_root.IsValueCreated)
        {
            Directory.Delete(_root.Value, recursive: true);
        }
    }

    private static string Clone()
    {
        var source = SeededPortalData.RepositoryRoot;
        var commit = Git(source, "stash", "create");
        if (commit.Length == 0)
        {
            commit = Git(source, "rev-parse", "HEAD");
        }

        var root = Directory.CreateTempSubdirectory("customerportal-scripts-").FullName;
        Git(root, "clone", "--quiet", "--shared", "--no-checkout", source, ".");
        Git(root, "checkout", "--quiet", "--detach", commit);
        return root;
    }

    private static string Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "safe.directory=*" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // `git stash create` writes a commit object: give it an identity where none is configured.
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "CustomerPortal tests";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "tests@portal.example";
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} in {workingDirectory} failed: {error.Result}");
        return output.Trim();
    }

    private static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? command + ".exe" : command))
            .FirstOrDefault(File.Exists);
}
