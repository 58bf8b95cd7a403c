using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Tests.DataSource;

// What only the SQLite adapter can show: the mirror row a submit writes, column by column.
public sealed class SqliteOrderEntryTests(SeededDemoMirror mirror)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASubmittedOrderCarriesEveryColumnDualWriteNeeds()
    {
        using var source = SqliteWritableDataSource.CopyOf(mirror.MirrorPath);
        var scope = mirror.AuthorizedUser;
        var product = await PricedProduct(scope);
        var order = new NewSalesOrder(Guid.NewGuid(), new DateOnly(2031, 3, 14),
            new PostalAddress("5 Dock Road", "Gate 2", "Tacoma", "WA", "98402", "Ignored"), "REQ-1", "Spring restock",
            [new NewSalesOrderLine(Guid.NewGuid(), product.ProductId, 4m)]);

        var result = await source.Ordering.SubmitAsync(scope, order, Ct);

        using var db = new MirrorDbContext(new DbContextOptionsBuilder<MirrorDbContext>().UseSqlite($"Data Source={source.MirrorPath}").Options);
        var row = await db.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.SalesOrderId == order.SalesOrderId, Ct);
        var contact = await db.Contacts.SingleAsync(c => c.ContactId == scope.ContactId, Ct);
        Assert.Equal(result.OrderNumber, row.OrderNumber);
        Assert.Equal(scope.CompanyId, row.CompanyId);
        Assert.Equal(scope.AccountId, row.CustomerId);
        Assert.Equal("account", row.CustomerIdType);
        Assert.Equal(scope.AccountId, row.InvoiceCustomerId);
        Assert.Equal(scope.ContactId, row.ContactPersonId);
        Assert.Equal(contact.PriceListId, row.PriceListId);
        Assert.Equal(contact.CurrencyId, row.CurrencyId);
        Assert.Equal(192350015, row.Language);
        Assert.Equal(SalesOrderType.ItemBased, row.OrderType);
        Assert.True(row.IsReadyToSync);
        Assert.Equal((SalesOrderState.Active, SalesOrderStatusReason.New, ProcessingStatus.Active), (row.State, row.StatusReason, row.ProcessingStatus));
        Assert.Equal(("5 Dock Road", "Gate 2", "Tacoma", "WA", "98402", "United States"),
            (row.ShipToLine1, row.ShipToLine2, row.ShipToCity, row.ShipToStateOrProvince, row.ShipToPostalCode, row.ShipToCountry));
        Assert.False(string.IsNullOrEmpty(row.DeliveryAddressDescription));
        Assert.False(string.IsNullOrEmpty(row.Name));
        Assert.Equal(new DateOnly(2031, 3, 14), row.RequestedReceiptDate);
        Assert.Equal(("REQ-1", "Spring restock"), (row.RequisitionNumber, row.CustomerReference));

        var line = Assert.Single(row.Lines);
        Assert.Equal(order.Lines[0].SalesOrderLineId, line.SalesOrderLineId);
        Assert.Equal(product.ProductId, line.ProductId);
        Assert.Equal(product.UnitId, line.UnitId);
        Assert.Equal(4m, line.Quantity);
        Assert.Equal(product.Amount, line.PricePerUnit);
        Assert.Equal(product.Amount * 4, line.BaseAmount);
        Assert.Equal(line.BaseAmount, line.ExtendedAmount);
        Assert.Equal((1, 1), (line.SequenceNumber, line.LineItemNumber));
        Assert.Equal(row.CurrencyId, line.CurrencyId);
        Assert.Equal(scope.CompanyId, line.CompanyId);
        Assert.Equal(row.ShipToCountry, line.ShipToCountry);
        Assert.Equal(row.DeliveryAddressDescription, line.DeliveryAddressDescription);
        Assert.Equal(OrderLineStatus.None, line.LineStatus);
        Assert.Equal(row.LineTotal, row.TotalAmount);
        Assert.Equal(line.ExtendedAmount, row.TotalAmount);
    }

    [Fact]
    public async Task AProductPricedInAnotherCurrencyIsRefusedWithThatReason()
    {
        using var source = SqliteWritableDataSource.CopyOf(mirror.MirrorPath);
        var product = await PricedProduct(mirror.Representative);
        using (var db = source.OpenMirror())
        {
            var euro = await db.Currencies.Where(c => c.IsoCode == "EUR").Select(c => c.CurrencyId).SingleAsync(Ct);
            Assert.Equal(1, await db.PriceListItems
                .Where(i => i.ProductId == product.ProductId && i.PriceListId == mirror.Representative.PriceListId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.CurrencyId, euro), Ct));
        }

        var found = await source.Ordering.LookUpAsync(mirror.Representative, [], [product.ProductId], Ct);

        Assert.Equal(ProductRefusal.WrongCurrency, Assert.Single(found).Refusal);
    }

    // Dual-write does not stop a price list from listing a product twice in one unit. The mirror then prices from the
    // row whose id comes first as SQLite compares the ids' text, amount and currency alike (Dataverse orders
    // uniqueidentifiers differently, so with other ids the two sources could pick different rows).
    [Fact]
    public async Task AProductListedTwiceInItsUnitIsPricedFromTheListsFirstRowByIdAmountAndCurrencyAlike()
    {
        using var source = SqliteWritableDataSource.CopyOf(mirror.MirrorPath);
        var listed = await PricedProduct(mirror.Representative);
        PriceListItemRow firstById;
        using (var db = source.OpenMirror())
        {
            var euro = await db.Currencies.Where(c => c.IsoCode == "EUR").Select(c => c.CurrencyId).SingleAsync(Ct);
            Assert.NotEqual(euro, listed.CurrencyId);
            firstById = new PriceListItemRow
            {
                PriceListItemId = Guid.Parse("00000000-0000-0000-0000-000000000001"),
                PriceListId = listed.PriceListId,
                ProductId = listed.ProductId,
                UnitId = listed.UnitId,
                Amount = listed.Amount + 11m,
                CurrencyId = euro,
            };
            db.PriceListItems.Add(firstById);
            await db.SaveChangesAsync(Ct);
        }

        var found = Assert.Single(await source.Ordering.LookUpAsync(mirror.Representative, [], [listed.ProductId], Ct));

        Assert.Equal(firstById.Amount, found.UnitPrice);
        Assert.Equal("EUR", found.Currency?.IsoCode);
        Assert.Equal(ProductRefusal.WrongCurrency, found.Refusal);
    }

    [Fact]
    public async Task NumbersContinueAfterTheHighestNumberOfThePrefixInTheLegalEntity()
    {
        using var source = SqliteWritableDataSource.CopyOf(mirror.MirrorPath);
        var product = await PricedProduct(mirror.Representative);
        using (var db = source.OpenMirror())
        {
            var anyOfTheLegalEntity = await db.SalesOrders.Where(o => o.CompanyId == mirror.Representative.CompanyId).Select(o => o.SalesOrderId).FirstAsync(Ct);
            Assert.Equal(1, await db.SalesOrders.Where(o => o.SalesOrderId == anyOfTheLegalEntity)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.OrderNumber, "CP-0000041"), Ct));
        }

        var result = await source.Ordering.SubmitAsync(mirror.Representative, new NewSalesOrder(Guid.NewGuid(), new DateOnly(2031, 1, 1),
            new PostalAddress("1 Main St", null, "Springfield", null, "1", null), null, null,
            [new NewSalesOrderLine(Guid.NewGuid(), product.ProductId, 1m)]), Ct);

        Assert.Equal("CP-0000042", result.OrderNumber);
    }

    private async Task<PriceListItemRow> PricedProduct(CustomerScope scope)
    {
        using var db = mirror.OpenMirror();
        return await db.PriceListItems.AsNoTracking()
            .Where(i => i.PriceListId == scope.PriceListId && i.Product!.State == ProductState.Active)
            .OrderBy(i => i.Product!.ScmProductNumber)
            .FirstAsync(Ct);
    }
}
