using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;
using CustomerPortal.Seed;
using CustomerPortal.Tests.DataSource;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Tests.Seed;

// Issue 11: the delivery columns of the seed agree with the processing status and the order's age.
public sealed class SeededDeliveryTests(SeededMirror seeded, SeededDemoMirror demo)
{
    private static readonly DateOnly Reference = new(2026, 11, 1);

    [Fact]
    public void A_profile_that_says_today_pinned_to_the_reference_date_gives_the_same_rows_ids_included()
    {
        using var pinned = new TempDirectory();
        var profile = TestProfiles.Small();
        profile["referenceDate"] = "today";
        MirrorSeeder.Seed(SeedProfile.Parse(profile.ToJsonString(), "today.json", Reference), pinned.Path);

        var first = SeededMirror.Fingerprint(seeded.DataDirectory);
        var second = SeededMirror.Fingerprint(pinned.Path);
        Assert.All(first, table => Assert.Equal(table.Value, second[table.Key]));
    }

    [Fact]
    public void Line_quantities_follow_the_line_status()
    {
        using var mirror = seeded.OpenMirror();
        var orders = mirror.SalesOrders.ToDictionary(o => o.SalesOrderId);
        var lines = mirror.SalesOrderLines.ToList();

        Assert.All(lines, line =>
        {
            var order = orders[line.SalesOrderId];
            Assert.InRange(line.QuantityShipped + line.QuantityCancelled + line.QuantityBackordered, 0m, line.Quantity);
            if (line.LineStatus is OrderLineStatus.Delivered or OrderLineStatus.Invoiced)
            {
                Assert.Equal(line.Quantity, line.QuantityShipped);
            }

            if (order.ProcessingStatus == ProcessingStatus.Canceled)
            {
                Assert.Equal(line.Quantity, line.QuantityCancelled);
            }

            Assert.Equal(line.LineStatus == OrderLineStatus.Backorder, line.QuantityBackordered > 0);
            Assert.Equal(order.ConfirmedReceiptDate, line.ConfirmedReceiptDate);
            Assert.Equal(order.ConfirmedShippingDate, line.ConfirmedShippingDate);
        });
        Assert.Contains(lines, l => l.QuantityShipped > 0 && l.QuantityShipped < l.Quantity && orders[l.SalesOrderId].ProcessingStatus is ProcessingStatus.PartiallyDelivered or ProcessingStatus.PartiallyInvoiced);
        Assert.Contains(lines, l => l.QuantityBackordered > 0);
        Assert.Contains(lines, l => l.QuantityCancelled > 0 && orders[l.SalesOrderId].ProcessingStatus != ProcessingStatus.Canceled);
    }

    [Fact]
    public void Every_order_has_a_mode_of_delivery_of_its_own_legal_entity()
    {
        using var mirror = seeded.OpenMirror();
        var modes = mirror.DeliveryModes.ToDictionary(m => m.ShipViaId);

        Assert.All(mirror.SalesOrders.ToList(), order => Assert.Equal(order.CompanyId, modes[order.DeliveryModeId!.Value].CompanyId));
        Assert.Contains(modes.Values, m => m.Description == "Customer pickup");
        Assert.Equal(seeded.Profile.Counts.Companies * 4, modes.Count);
    }

    [Fact]
    public void Open_orders_are_confirmed_for_today_or_later_except_a_few_percent_that_are_late_and_delivered_ones_arrived()
    {
        using var mirror = demo.OpenMirror();
        var orders = mirror.SalesOrders.AsNoTracking().ToList();
        var open = orders.Where(o => DeliveryRules.IsOpen(o.ProcessingStatus)).ToList();
        var late = open.Count(o => DeliveryRules.IsLate(o.ProcessingStatus, o.ConfirmedReceiptDate ?? o.RequestedReceiptDate, Reference));

        Assert.InRange(late, Math.Max(1, open.Count / 100), open.Count / 10);
        Assert.All(orders.Where(o => DeliveryRules.DeliveredStatuses.Contains(o.ProcessingStatus)),
            o => Assert.True(o.ConfirmedReceiptDate <= Reference, $"{o.OrderNumber} delivered but expected {o.ConfirmedReceiptDate}"));
        Assert.All(orders, o => Assert.InRange(o.ModifiedOn, o.CreatedOn, Reference.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
        Assert.Contains(orders, o => o.FreightAmount > 0);
        Assert.Contains(orders, o => o.TaxAmount > 0);
    }

    [Theory]
    [InlineData("rep@contoso.example", false)]
    [InlineData("buyer@contoso.example", true)]
    [InlineData("buyer@fabrikam.example", false)]
    public void Every_demo_persona_has_open_late_and_recently_delivered_orders(string email, bool ownOrdersOnly)
    {
        using var mirror = demo.OpenMirror();
        var contact = mirror.Contacts.AsNoTracking().Single(c => c.Email == email);
        var orders = mirror.SalesOrders.AsNoTracking()
            .Where(o => o.CustomerId == contact.AccountId && o.CompanyId == contact.CompanyId && (!ownOrdersOnly || o.ContactPersonId == contact.ContactId))
            .ToList();

        static DateOnly? Expected(SalesOrderRow o) => o.ConfirmedReceiptDate ?? o.RequestedReceiptDate;
        Assert.Contains(orders, o => DeliveryRules.IsOpen(o.ProcessingStatus));
        Assert.Contains(orders, o => DeliveryRules.IsLate(o.ProcessingStatus, Expected(o), Reference));
        Assert.Contains(orders, o => DeliveryRules.DeliveredStatuses.Contains(o.ProcessingStatus)
            && Expected(o) >= Reference.AddDays(-DeliveryRules.RecentlyDeliveredDays) && Expected(o) <= Reference);
    }
}
