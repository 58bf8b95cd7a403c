using CustomerPortal.Core.Orders;
using CustomerPortal.Seed;

namespace CustomerPortal.Tests.Seed;

// Issue 12: the seeded invoices agree with their orders, as Supply Chain Management's would.
public sealed class SeededInvoiceTests(SeededMirror seeded)
{
    private static readonly ProcessingStatus[] InvoicedStatuses =
        [ProcessingStatus.Invoiced, ProcessingStatus.PartiallyInvoiced, ProcessingStatus.DeliveredAndPartiallyInvoiced];

    [Fact]
    public void Seeding_again_gives_identical_invoices()
    {
        using var again = new TempDirectory();
        MirrorSeeder.Seed(SeedProfile.Parse(TestProfiles.Small().ToJsonString()), again.Path);

        Assert.Equal(Invoices(seeded.DataDirectory), Invoices(again.Path));
    }

    [Fact]
    public void Invoiced_orders_and_only_they_have_invoices_of_exactly_their_invoiced_lines()
    {
        using var mirror = seeded.OpenMirror();
        var orders = mirror.SalesOrders.ToDictionary(o => o.SalesOrderId);
        var orderLines = mirror.SalesOrderLines.ToLookup(l => l.SalesOrderId);
        var invoices = mirror.Invoices.ToList();
        var invoiceLines = mirror.InvoiceLines.ToLookup(l => l.InvoiceId);
        Assert.NotEmpty(invoices);

        var invoicedOrders = invoices.Select(i => i.SalesOrderId).ToHashSet();
        // An order has invoices exactly when it has invoiced lines, and only (partially) invoiced orders have them;
        // a one-line order "partially invoiced" has no line invoiced yet in the seed, so no invoice.
        Assert.All(orders.Values, order => Assert.Equal(
            orderLines[order.SalesOrderId].Any(l => l.LineStatus == OrderLineStatus.Invoiced), invoicedOrders.Contains(order.SalesOrderId)));
        Assert.All(invoicedOrders, id => Assert.Contains(orders[id].ProcessingStatus, InvoicedStatuses));
        Assert.All(orders.Values.Where(o => o.ProcessingStatus == ProcessingStatus.Invoiced), o => Assert.Contains(o.SalesOrderId, invoicedOrders));

        foreach (var group in invoices.GroupBy(i => i.SalesOrderId))
        {
            var order = orders[group.Key];
            var invoiced = orderLines[order.SalesOrderId].Where(l => l.LineStatus == OrderLineStatus.Invoiced).OrderBy(l => l.SequenceNumber).ToList();
            var lines = group.SelectMany(i => invoiceLines[i.InvoiceId]).OrderBy(l => l.SequenceNumber).ToList();
            Assert.Equal(
                invoiced.Select(l => (l.SequenceNumber, l.ProductId, l.UnitId, l.Quantity, l.PricePerUnit, l.DiscountAmount, l.Tax, l.ExtendedAmount)),
                lines.Select(l => (l.SequenceNumber, l.ProductId, l.UnitId, l.Quantity, l.PricePerUnit, l.DiscountAmount, l.Tax, l.ExtendedAmount)));
            Assert.All(group, i =>
            {
                Assert.Equal(order.CompanyId, i.CompanyId);
                Assert.Equal(order.InvoiceCustomerId, i.CustomerId);
                Assert.Equal(order.CurrencyId, i.CurrencyId);
            });
        }
    }

    [Fact]
    public void Totals_add_up_and_an_invoiced_orders_invoices_add_up_to_its_total()
    {
        using var mirror = seeded.OpenMirror();
        var orders = mirror.SalesOrders.ToDictionary(o => o.SalesOrderId);
        var invoiceLines = mirror.InvoiceLines.ToLookup(l => l.InvoiceId);
        var invoices = mirror.Invoices.ToList();

        Assert.All(invoices, i =>
        {
            var lines = invoiceLines[i.InvoiceId].ToList();
            Assert.NotEmpty(lines);
            Assert.Equal(lines.Sum(l => l.ExtendedAmount) + i.FreightAmount + i.TaxAmount, i.TotalAmount);
            Assert.Equal(lines.Sum(l => l.DiscountAmount), i.DiscountAmount);
            Assert.True(i.TaxAmount >= lines.Sum(l => l.Tax));
        });

        foreach (var group in invoices.GroupBy(i => i.SalesOrderId))
        {
            var order = orders[group.Key];
            if (order.ProcessingStatus == ProcessingStatus.Invoiced)
            {
                Assert.Equal(order.TotalAmount, group.Sum(i => i.TotalAmount));
                Assert.Equal(order.FreightAmount, group.Sum(i => i.FreightAmount));
            }
            else
            {
                Assert.All(group, i => Assert.Equal(0m, i.FreightAmount));
            }
        }
    }

    [Fact]
    public void Invoice_numbers_are_unique_per_legal_entity_and_carry_its_code()
    {
        using var mirror = seeded.OpenMirror();
        var companies = mirror.Companies.ToDictionary(c => c.CompanyId, c => c.Code);
        var invoices = mirror.Invoices.ToList();

        Assert.All(invoices, i => Assert.StartsWith(companies[i.CompanyId] + "-CIV-", i.InvoiceNumber, StringComparison.Ordinal));
        Assert.Equal(invoices.Count, invoices.Select(i => (i.CompanyId, i.InvoiceNumber)).Distinct().Count());
        Assert.All(invoices, i => Assert.True(i.InvoiceNumber.Length <= 20));
    }

    [Fact]
    public void Invoices_are_dated_after_the_order_and_its_shipping_and_not_after_the_reference_date()
    {
        using var mirror = seeded.OpenMirror();
        var orders = mirror.SalesOrders.ToDictionary(o => o.SalesOrderId);
        var invoiceLines = mirror.InvoiceLines.ToLookup(l => l.InvoiceId);
        var reference = seeded.Profile.ReferenceDate;

        Assert.All(mirror.Invoices.ToList(), i =>
        {
            Assert.True(i.InvoiceDate >= DateOnly.FromDateTime(orders[i.SalesOrderId].CreatedOn), $"{i.InvoiceNumber} is dated before its order.");
            Assert.True(i.InvoiceDate <= reference, $"{i.InvoiceNumber} is dated after the reference date.");
            var shipped = invoiceLines[i.InvoiceId].Max(l => l.ConfirmedShippingDate);
            Assert.True(shipped is null || shipped > reference || i.InvoiceDate >= shipped, $"{i.InvoiceNumber} is dated before its goods shipped.");
        });
    }

    [Fact]
    public void Bill_to_is_the_invoice_accounts_address()
    {
        using var mirror = seeded.OpenMirror();
        var accounts = mirror.Accounts.ToDictionary(a => a.AccountId);
        Assert.All(mirror.Invoices.ToList(), i =>
        {
            var account = accounts[i.CustomerId];
            Assert.Equal((account.Name, account.Line1, account.City, account.PostalCode, account.Country),
                (i.BillToName, i.BillToLine1, i.BillToCity, i.BillToPostalCode, i.BillToCountry));
        });
    }

    private static List<string> Invoices(string dataDirectory)
    {
        using var mirror = SeededMirror.OpenMirror(dataDirectory);
        var lines = mirror.InvoiceLines.ToLookup(l => l.InvoiceId);
        return [.. mirror.Invoices.OrderBy(i => i.InvoiceId).AsEnumerable().Select(i =>
            $"{i.InvoiceId} {i.InvoiceNumber} {i.InvoiceDate:O} {i.SalesOrderId} {i.TotalAmount} {i.TaxAmount} {i.FreightAmount} "
            + string.Join(";", lines[i.InvoiceId].OrderBy(l => l.InvoiceLineId).Select(l => $"{l.InvoiceLineId} {l.Quantity} {l.ExtendedAmount}")))];
    }
}
