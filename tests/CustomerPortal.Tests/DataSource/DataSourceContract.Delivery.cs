using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Tests.DataSource;

// Issue 11's delivery columns, progress filters, receipt-date sorts and spend per month, on each adapter
// against what the seeded mirror says (seeded with the reference date pinned to 2026-11-01).
public abstract partial class DataSourceContract
{
    private static DateOnly Today => SeededDemoMirror.ReferenceDate;

    public static TheoryData<OrderProgress> Progresses() =>
        [OrderProgress.Open, OrderProgress.Late, OrderProgress.DueSoon, OrderProgress.RecentlyDelivered];

    [Theory]
    [MemberData(nameof(Progresses))]
    public async Task ProgressFiltersListExactlyTheOrdersDeliveryRulesSay(OrderProgress progress)
    {
        foreach (var scope in new[] { Mirror.Representative, Mirror.AuthorizedUser, Mirror.OtherCustomer })
        {
            var expected = Mirror.OrdersVisibleTo(scope).Where(o => Matches(o, progress, Today)).Select(o => o.OrderNumber).Order(StringComparer.Ordinal).ToList();

            var listed = await ListAll(scope, new SalesOrderQuery(Progress: progress, Today: Today, PageSize: 3));

            Assert.Equal(expected, listed.Select(o => o.OrderNumber).Order(StringComparer.Ordinal));
            // Every persona has open, late and recently delivered orders as of the reference date.
            if (progress != OrderProgress.DueSoon)
            {
                Assert.NotEmpty(expected);
            }

            if (progress == OrderProgress.Late)
            {
                Assert.All(listed, o => Assert.True(o.IsLateOn(Today)));
            }
        }
    }

    [Fact]
    public async Task WithoutTodayADateProgressFilterKeepsOnlyItsStatusPart()
    {
        var open = await ListAll(Mirror.Representative, new SalesOrderQuery(Progress: OrderProgress.Open, PageSize: 100));
        var lateWithoutToday = await ListAll(Mirror.Representative, new SalesOrderQuery(Progress: OrderProgress.Late, PageSize: 100));
        var delivered = await ListAll(Mirror.Representative, new SalesOrderQuery(Progress: OrderProgress.RecentlyDelivered, PageSize: 100));

        Assert.Equal(open.Select(o => o.OrderNumber), lateWithoutToday.Select(o => o.OrderNumber));
        Assert.All(open, o => Assert.True(DeliveryRules.IsOpen(o.Status)));
        Assert.All(delivered, o => Assert.Contains(o.Status, DeliveryRules.DeliveredStatuses));
        Assert.Equal(Mirror.OrdersVisibleTo(Mirror.Representative).Count(o => DeliveryRules.DeliveredStatuses.Contains(o.ProcessingStatus)), delivered.Count);
    }

    [Theory]
    [InlineData(SalesOrderSort.ReceiptDateAscending)]
    [InlineData(SalesOrderSort.ReceiptDateDescending)]
    public async Task ReceiptDateSortsPageToTheEndInRequestedReceiptDateThenNumberOrder(SalesOrderSort sort)
    {
        var listed = await ListAll(Mirror.Representative, new SalesOrderQuery(Sort: sort, PageSize: 17));

        var expected = sort == SalesOrderSort.ReceiptDateAscending
            ? listed.OrderBy(o => o.RequestedReceiptDate).ThenBy(o => o.OrderNumber, StringComparer.Ordinal)
            : listed.OrderByDescending(o => o.RequestedReceiptDate).ThenByDescending(o => o.OrderNumber, StringComparer.Ordinal);
        Assert.Equal(expected.Select(o => o.OrderNumber), listed.Select(o => o.OrderNumber));
        Assert.Equal(Mirror.OrdersVisibleTo(Mirror.Representative).Count, listed.Select(o => o.OrderNumber).Distinct().Count());
    }

    [Fact]
    public async Task SummariesCarryTheConfirmedReceiptDate()
    {
        var rows = Mirror.OrdersVisibleTo(Mirror.Representative).ToDictionary(o => o.OrderNumber);

        var listed = await ListAll(Mirror.Representative, new SalesOrderQuery(PageSize: 100));

        Assert.Contains(listed, o => o.ConfirmedReceiptDate is not null);
        Assert.All(listed, o => Assert.Equal(rows[o.OrderNumber].ConfirmedReceiptDate, o.ConfirmedReceiptDate));
    }

    [Fact]
    public async Task OrderDetailsCarryDeliveryModeDatesAndLineQuantitiesOfTheMirror()
    {
        using var db = Mirror.OpenMirror();
        var modes = db.DeliveryModes.AsNoTracking().ToDictionary(m => m.ShipViaId, m => m.Description ?? m.Name);
        var orders = Mirror.OrdersVisibleTo(Mirror.Representative).OrderByDescending(o => o.CreatedOn).Take(40).ToList();
        var lineRows = db.SalesOrderLines.AsNoTracking().AsEnumerable().Where(l => orders.Any(o => o.SalesOrderId == l.SalesOrderId))
            .ToDictionary(l => l.SalesOrderLineId);

        foreach (var order in orders)
        {
            var details = await Orders.FindAsync(Mirror.Representative, order.OrderNumber, Ct);

            Assert.NotNull(details);
            Assert.Equal(modes[order.DeliveryModeId!.Value], details.DeliveryMode);
            Assert.Equal(order.RequestedShippingDate, details.RequestedShippingDate);
            Assert.Equal(order.ConfirmedReceiptDate, details.ConfirmedReceiptDate);
            Assert.Equal(order.ModifiedOn, details.ModifiedOn);
            Assert.Equal(order.FreightAmount, details.FreightAmount);
            Assert.Equal(order.TaxAmount, details.TaxAmount);
            Assert.All(details.Lines, line =>
            {
                var row = lineRows[line.SalesOrderLineId];
                Assert.Equal(row.QuantityShipped, line.QuantityDelivered);
                Assert.Equal(row.QuantityBackordered, line.QuantityBackordered);
                Assert.Equal(row.QuantityCancelled, line.QuantityCancelled);
                Assert.Equal(row.ConfirmedReceiptDate, line.ConfirmedReceiptDate);
                Assert.Equal(row.ConfirmedShippingDate, line.ConfirmedShippingDate);
            });
        }

        Assert.Contains(orders, o => o.FreightAmount > 0);
    }

    [Fact]
    public async Task SpendPerMonthSumsTheScopesOrdersPerMonthAndCurrencyLeavingCanceledOnesOut()
    {
        var from = new DateOnly(2025, 11, 1);
        foreach (var scope in new[] { Mirror.Representative, Mirror.AuthorizedUser, Mirror.OtherCustomer })
        {
            var spend = await Orders.SpendByMonthAsync(scope, from, Ct);

            Assert.Equal(ExpectedSpend(scope, from), spend.Select(s => $"{s.Year}-{s.Month}: {Amount(s.Total)} in {s.OrderCount}"));
            Assert.Single(spend.Select(s => s.Currency.IsoCode).Distinct());
        }
    }

    // The dashboard asks for twelve months; a caller may ask from further back, and every month after counts too.
    [Fact]
    public async Task SpendPerMonthCoversEveryMonthFromTheFirstAskedForHoweverFarBack()
    {
        foreach (var scope in new[] { Mirror.Representative, Mirror.AuthorizedUser, Mirror.OtherCustomer })
        {
            var firstOrder = Mirror.OrdersVisibleTo(scope).Min(o => o.CreatedOn);
            var from = new DateOnly(firstOrder.Year, firstOrder.Month, 1);
            var expected = ExpectedSpend(scope, from);
            Assert.True(expected.Count > 13, $"the scope's orders span {expected.Count} months");

            var spend = await Orders.SpendByMonthAsync(scope, from, Ct);

            Assert.Equal(expected, spend.Select(s => $"{s.Year}-{s.Month}: {Amount(s.Total)} in {s.OrderCount}"));
        }
    }

    private List<string> ExpectedSpend(CustomerScope scope, DateOnly from) => Mirror.OrdersVisibleTo(scope)
        .Where(o => o.CreatedOn >= from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) && o.ProcessingStatus != ProcessingStatus.Canceled)
        .GroupBy(o => (o.CreatedOn.Year, o.CreatedOn.Month))
        .OrderBy(g => g.Key)
        .Select(g => $"{g.Key.Year}-{g.Key.Month}: {Amount(g.Sum(o => o.TotalAmount))} in {g.Count()}")
        .ToList();

    private static string Amount(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Matches(SalesOrderRow order, OrderProgress progress, DateOnly today)
    {
        var expected = order.ConfirmedReceiptDate ?? order.RequestedReceiptDate;
        return progress switch
        {
            OrderProgress.Open => DeliveryRules.IsOpen(order.ProcessingStatus),
            OrderProgress.Late => DeliveryRules.IsLate(order.ProcessingStatus, expected, today),
            OrderProgress.DueSoon => DeliveryRules.IsOpen(order.ProcessingStatus) && expected >= today && expected <= today.AddDays(DeliveryRules.DueSoonDays),
            OrderProgress.RecentlyDelivered => DeliveryRules.DeliveredStatuses.Contains(order.ProcessingStatus)
                && expected >= today.AddDays(-DeliveryRules.RecentlyDeliveredDays) && expected <= today,
            _ => true,
        };
    }
}
