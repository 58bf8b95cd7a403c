using CustomerPortal.Core.Orders;
using CustomerPortal.Data.Sqlite;
using CustomerPortal.Tests.Dataverse;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Tests.DataSource;

// The status mails' change feed on both adapters over the same seed: read from the beginning in small batches,
// each from the previous batch's mark, both return every order exactly once, in mark order, with the same values.
public sealed class OrderChangeFeedContractTests(SeededDemoMirror mirror, EmulatorOverSeededMirror emulator) : IClassFixture<EmulatorOverSeededMirror>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BothAdaptersReadEveryOrderOnceInMarkOrderWithTheSameValues()
    {
        using var sqliteServices = new ServiceCollection().AddSqliteMirror(mirror.MirrorPath).BuildServiceProvider();
        using var dataverseServices = emulator.Emulator.CreateAdapter();
        var sqlite = await ReadAllAsync(sqliteServices);
        var dataverse = await ReadAllAsync(dataverseServices);

        Assert.Equal(sqlite.Count, sqlite.Select(o => o.SalesOrderId).Distinct().Count());
        Assert.Equal(dataverse.Count, dataverse.Select(o => o.SalesOrderId).Distinct().Count());
        Assert.Equal(sqlite.Count, dataverse.Count);
        Assert.True(sqlite.Count > 100, "the seed has more orders than one batch");
        var byId = dataverse.ToDictionary(o => o.SalesOrderId);
        foreach (var order in sqlite)
        {
            // The Web API writes modifiedon to the second.
            Assert.Equal(order with { ModifiedOn = Seconds(order.ModifiedOn) }, byId[order.SalesOrderId] with { ModifiedOn = Seconds(byId[order.SalesOrderId].ModifiedOn) });
        }

        Assert.Equal(sqlite.Select(o => o.ModifiedOn).Order(), sqlite.Select(o => o.ModifiedOn));
        Assert.Equal(dataverse.Select(o => o.ModifiedOn).Order(), dataverse.Select(o => o.ModifiedOn));
        Assert.All(sqlite, o => Assert.Equal(DateTimeKind.Utc, o.ModifiedOn.Kind));

        // Nothing after the last mark.
        using var scope = sqliteServices.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IOrderChangeFeed>().ReadChangesSinceAsync(sqlite[^1].Mark, 100, Ct));
    }

    private static async Task<List<ChangedOrder>> ReadAllAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var feed = scope.ServiceProvider.GetRequiredService<IOrderChangeFeed>();
        var all = new List<ChangedOrder>();
        OrderChangeMark? mark = null;
        for (var batches = 0; batches < 1000; batches++)
        {
            var batch = await feed.ReadChangesSinceAsync(mark, 100, Ct);
            if (batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
            mark = batch[^1].Mark;
        }

        throw new InvalidOperationException("The feed never ended.");
    }

    private static DateTime Seconds(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
