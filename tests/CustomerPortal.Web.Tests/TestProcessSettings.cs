using System.Runtime.CompilerServices;

namespace CustomerPortal.Web.Tests;

internal static class TestProcessSettings
{
    // Every portal a test starts (in this process, and the portal processes it launches, which inherit the
    // environment) would watch its appsettings files for changes, one inotify instance each. A run starts
    // hundreds of portals and Linux allows 128 instances per user by default: past that, start-up fails with
    // "The configured user limit (128) on the number of inotify instances has been reached". Tests never
    // edit appsettings while a portal runs, so nothing needs watching.
#pragma warning disable CA2255 // The test assembly is the application here: this must run before any host is built.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
