using CustomerPortal.Core.Contacts;
using CustomerPortal.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.DataSource;

public sealed class SqliteContactOnboardingTests(SeededDemoMirror mirror) : ContactOnboardingContract(mirror), IDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    protected override IContactDirectory CreateDirectory(string mirrorPath) => Create<IContactDirectory>(mirrorPath);

    protected override IContactAdministration CreateAdministration(string mirrorPath) => Create<IContactAdministration>(mirrorPath);

    private TPort Create<TPort>(string mirrorPath)
        where TPort : notnull
    {
        var services = new ServiceCollection().AddSqliteMirror(mirrorPath).BuildServiceProvider();
        _providers.Add(services);
        return services.CreateScope().ServiceProvider.GetRequiredService<TPort>();
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }
}
