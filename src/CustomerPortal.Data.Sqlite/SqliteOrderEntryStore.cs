using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// string.Compare inside queries is translated to SQL, where SQLite compares with its binary collation;
// the StringComparison overloads have no translation.
#pragma warning disable CA1309

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteOrderEntryStore(MirrorDbContext db, OrderNumbering numbering, SqliteWriteGate gate) : IOrderEntryStore
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const int UniqueViolation = 2067;
    private const int PrimaryKeyViolation = 1555;
    private const int MaxAttempts = 5;

    public Task<OrderingContact?> ReadContactAsync(Guid contactId, CancellationToken cancellationToken) =>
        db.Contacts
            .AsNoTracking()
            .Where(c => c.ContactId == contactId && c.StateCode == 0)
            .Select(Records.OrderingContact)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ListedProduct>> LookUpAsync(
        Guid? priceListId, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var numbers = itemNumbers.ToList();
        var ids = productIds.ToList();
        // The price in the product's default unit (the unit every portal line is ordered in), the list's first row for it
        // by id, as two scalar lookups on the (price list, product) index. A FirstOrDefault of the whole price row made
        // EF Core number every row of the price list with a window function instead: 10-24 ms on the large profile
        // (4,445 rows in the list) on every add, review and submit, against 0.1 ms.
        var rows = await db.Products
            .AsNoTracking()
            .Where(p => numbers.Contains(p.ScmProductNumber) || ids.Contains(p.ProductId))
            .Select(p => new
            {
                Product = p,
                p.DefaultUnit,
                Price = db.PriceListItems
                    .Where(i => i.PriceListId == priceListId && i.ProductId == p.ProductId && i.UnitId == p.DefaultUnitId)
                    .OrderBy(i => i.PriceListItemId)
                    .Select(i => (decimal?)i.Amount)
                    .FirstOrDefault(),
                PriceCurrencyId = db.PriceListItems
                    .Where(i => i.PriceListId == priceListId && i.ProductId == p.ProductId && i.UnitId == p.DefaultUnitId)
                    .OrderBy(i => i.PriceListItemId)
                    .Select(i => (Guid?)i.CurrencyId)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var currencyIds = rows.Select(p => p.PriceCurrencyId).OfType<Guid>().Distinct().ToList();
        var currencies = currencyIds.Count == 0
            ? []
            : await db.Currencies
                .AsNoTracking()
                .Where(c => currencyIds.Contains(c.CurrencyId))
                .ToDictionaryAsync(c => c.CurrencyId, c => new Currency(c.IsoCode, c.Symbol, c.Precision), cancellationToken);
        return
        [
            .. rows.Select(p =>
            {
                p.Product.DefaultUnit = p.DefaultUnit;
                var currency = p.PriceCurrencyId is { } currencyId ? currencies.GetValueOrDefault(currencyId) : null;
                return Records.ListedProduct(p.Product, p.Price, currency);
            }),
        ];
    }

    public Task<StoredSalesOrder?> FindAsync(Guid salesOrderId, CancellationToken cancellationToken) =>
        db.SalesOrders
            .AsNoTracking()
            .Where(o => o.SalesOrderId == salesOrderId)
            .Select(Records.StoredSalesOrder)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<string?> InsertAsync(PlacedSalesOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await gate.Writer.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await InsertOnce(order, cancellationToken);
                }
                catch (DbUpdateException ex) when (attempt < MaxAttempts && ex.InnerException is SqliteException
                {
                    SqliteExtendedErrorCode: UniqueViolation or PrimaryKeyViolation,
                })
                {
                    // Another writer took the number (or, for the primary key, the very same order) between
                    // our read and our insert; the next attempt reads again and either numbers anew or finds the order.
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            gate.Writer.Release();
        }
    }

    private async Task<string?> InsertOnce(PlacedSalesOrder order, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE: take the write lock before reading the last number, so two portal
            // processes on one mirror can never read the same one; the unique (company, number) index
            // is the last guard, and a violation is retried.
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = connection.BeginTransaction(deferred: false);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);

            if (await db.SalesOrders.AnyAsync(o => o.SalesOrderId == order.SalesOrderId, cancellationToken))
            {
                return null;
            }

            var orderNumber = numbering.Format(await LastSequence(order.CompanyId, cancellationToken) + 1);
            db.SalesOrders.Add(ToRow(order, orderNumber));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return orderNumber;
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, cancellationToken);
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    // The highest number of our own sequence in this legal entity. The range keeps the read on the
    // unique (msdyn_company, msdyn_salesordernumber) index; fixed-width numbers sort as they count.
    private async Task<long> LastSequence(Guid companyId, CancellationToken cancellationToken)
    {
        var from = numbering.Prefix;
        var to = from[..^1] + (char)(from[^1] + 1);
        var width = from.Length + OrderNumbering.Digits;
        var last = await db.SalesOrders
            .Where(o => o.CompanyId == companyId && string.Compare(o.OrderNumber, from) >= 0 && string.Compare(o.OrderNumber, to) < 0
                && o.OrderNumber.Length == width)
            .OrderByDescending(o => o.OrderNumber)
            .Select(o => o.OrderNumber)
            .FirstOrDefaultAsync(cancellationToken);
        return last is null ? 0 : numbering.SequenceOf(last) ?? 0;
    }

    private static SalesOrderRow ToRow(PlacedSalesOrder order, string orderNumber)
    {
        var now = DateTime.UtcNow;
        var address = order.DeliveryAddress;
        var row = new SalesOrderRow
        {
            SalesOrderId = order.SalesOrderId,
            Name = orderNumber,
            DataverseOrderNumber = orderNumber,
            OrderNumber = orderNumber,
            CompanyId = order.CompanyId,
            CustomerId = order.CustomerAccountId,
            CustomerIdType = "account",
            InvoiceCustomerId = order.InvoiceAccountId,
            ContactPersonId = order.ContactPersonId,
            PriceListId = order.PriceListId,
            CurrencyId = order.CurrencyId,
            OrderType = order.OrderType,
            IsReadyToSync = true,
            Language = (int)order.Language,
            RequisitionNumber = order.RequisitionNumber,
            CustomerReference = order.CustomerReference,
            RequestedReceiptDate = order.RequestedReceiptDate,
            ShipToLine1 = address.Line1,
            ShipToLine2 = address.Line2,
            ShipToCity = address.City,
            ShipToStateOrProvince = address.StateOrProvince,
            ShipToPostalCode = address.PostalCode,
            ShipToCountry = address.Country,
            DeliveryAddressDescription = order.DeliveryAddressDescription,
            State = order.Status.State,
            StatusReason = order.Status.Reason,
            ProcessingStatus = order.ProcessingStatus,
            LineTotal = order.TotalAmount,
            TotalAmountLessFreight = order.TotalAmount,
            TotalAmount = order.TotalAmount,
            CreatedOn = now,
            ModifiedOn = now,
        };

        foreach (var line in order.Lines)
        {
            row.Lines.Add(new SalesOrderLineRow
            {
                SalesOrderLineId = line.SalesOrderLineId,
                SalesOrderId = row.SalesOrderId,
                Name = line.ProductName,
                CompanyId = order.CompanyId,
                ProductId = line.ProductId,
                UnitId = line.UnitId,
                Description = line.ProductName,
                IsProductOverridden = false,
                Quantity = line.Quantity,
                PricePerUnit = line.UnitPrice,
                // The dual-write line map forces this to true: the price is the customer's estimate until SCM prices the line.
                IsPriceOverridden = true,
                BaseAmount = line.Amount,
                DiscountAmount = 0,
                Tax = 0,
                ExtendedAmount = line.Amount,
                CurrencyId = order.CurrencyId,
                SequenceNumber = line.LineNumber,
                LineItemNumber = line.LineNumber,
                LineStatus = OrderLineStatus.None,
                RequestedReceiptDate = order.RequestedReceiptDate,
                ShipToCountry = address.Country,
                DeliveryAddressDescription = order.DeliveryAddressDescription,
            });
        }

        return row;
    }
}
