using System.Data.Common;
using CustomerPortal.Core.Orders;
using CustomerPortal.Data.Sqlite;
using CustomerPortal.Data.Sqlite.Mirror;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerPortal.Tests.DataSource;

// Which index SQLite reads for the open-order lists. Its planner knows the average account (sqlite_stat1: 50 orders
// on the demo profile), not the representative's (331), and without a hint it walks the account's whole history in
// the list's order to find the few open orders: on the large profile 42-44 ms instead of 5. SqliteSalesOrderStore's
// WhereProgress tells it that open orders are rare (MirrorDbContext.Rarely). The plan is read as the portal gets it:
// the statement EF Core runs, with its bound values and the query planner stability guarantee (PrepareOnce).
public sealed class MirrorPlanTests(SeededDemoMirror mirror)
{
    private const string ByStatus = "IX_salesorder_customerid_msdyn_processingstatus_createdon_msdyn_salesordernumber";

    [Theory]
    [InlineData(OrderProgress.Late, SalesOrderSort.NewestFirst)]
    [InlineData(OrderProgress.Late, SalesOrderSort.ReceiptDateAscending)]
    [InlineData(OrderProgress.DueSoon, SalesOrderSort.ReceiptDateAscending)]
    [InlineData(OrderProgress.Open, SalesOrderSort.OldestFirst)]
    public async Task TheOpenOrderListsReadTheAccountsOpenOrdersByStatus(OrderProgress progress, SalesOrderSort sort)
    {
        var plan = await PlanOfListAsync(new SalesOrderQuery(Progress: progress, Sort: sort, Today: SeededDemoMirror.ReferenceDate));

        Assert.Contains($"USING INDEX {ByStatus} ", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNextPageOfOpenOrdersStaysOnTheStatusIndex()
    {
        // A keyset range on the creation time makes the date index look cheaper than on a first page.
        var after = KeysetToken.Create(nameof(SalesOrderSort.NewestFirst),
            KeysetToken.FromTicks(SeededDemoMirror.ReferenceDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), "SO-9999999");

        var plan = await PlanOfListAsync(new SalesOrderQuery(Progress: OrderProgress.Open, ContinuationToken: after));

        Assert.Contains($"USING INDEX {ByStatus} ", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnfilteredListReadsTheAccountsOrdersInDateOrder()
    {
        // The control: without a progress filter the list reads the date index, in order, with nothing to sort.
        var plan = await PlanOfListAsync(new SalesOrderQuery(Sort: SalesOrderSort.OldestFirst));

        Assert.Contains("USING INDEX IX_salesorder_customerid_createdon_msdyn_salesordernumber_msdyn_customerrequisitionnumber ", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSpendChartReadsEachOfItsTwelveMonthsAsARangeOfTheWideDateIndex()
    {
        // Grouping a year of orders by a month computed from createdon sorted all of them (6-7 ms on the large profile);
        // a range per month reads the covering index in date order and only groups a month's orders by currency.
        var plan = await PlanOfAsync(
            (store, cancellationToken) => store.SpendByMonthAsync(mirror.Representative, new DateOnly(2025, 11, 1), cancellationToken),
            statement: 0);

        var ranges = plan.Split('\n').Where(step => step.Contains(
            "USING COVERING INDEX IX_salesorder_customerid_createdon_msdyn_salesordernumber_msdyn_customerrequisitionnumber_msdyn_company_msdyn_processingstatus_totalamount_transactioncurrencyid (customerid=? AND createdon>? AND createdon<?)",
            StringComparison.Ordinal));
        Assert.Equal(12, ranges.Count());
    }

    private Task<string> PlanOfListAsync(SalesOrderQuery query) =>
        PlanOfAsync((store, cancellationToken) => store.ListAsync(mirror.Representative, query, cancellationToken), statement: null);

    // The plan of a statement the store ran (the only one when statement is null), one line per step, as EXPLAIN QUERY
    // PLAN gives it for the statement and values the store ran on a connection of the portal's kind.
    private async Task<string> PlanOfAsync(Func<SqliteSalesOrderStore, CancellationToken, Task> run, int? statement)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var statements = new StatementsRun();
        await using var db = new MirrorDbContext(new DbContextOptionsBuilder<MirrorDbContext>()
            .UseSqlite($"Data Source={mirror.MirrorPath};Mode=ReadOnly")
            .AddInterceptors(PrepareOnce.Instance, statements)
            .Options);

        await run(new SqliteSalesOrderStore(db), cancellationToken);

        var (text, values) = statement is { } index ? statements.Run[index] : Assert.Single(statements.Run);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var explain = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + text;
        foreach (var (name, value) in values)
        {
            explain.Parameters.AddWithValue(name, value);
        }

        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(reader.GetString(3) + " ");
        }

        return string.Join('\n', steps);
    }

    private sealed class StatementsRun : DbCommandInterceptor
    {
        public List<(string Text, List<(string Name, object Value)> Values)> Run { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Run.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value))]));
            return ValueTask.FromResult(result);
        }
    }
}
