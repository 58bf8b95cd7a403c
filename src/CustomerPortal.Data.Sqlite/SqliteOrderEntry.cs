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

internal sealed class SqliteOrderEntry(MirrorDbContext db, OrderNumbering numbering, SqliteWriteGate gate) : IOrderEntry
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const int UniqueViolation = 2067;
    private const int PrimaryKeyViolation = 1555;
    private const int MaxAttempts = 5;

    public async Task<OrderingDefaults> GetDefaultsAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var contact = await ContactOf(scope, cancellationToken);
        return OrderingRules.DefaultsFor(scope, contact);
    }

    public async Task<IReadOnlyList<OrderableProduct>> LookUpAsync(
        CustomerScope scope, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(itemNumbers);
        ArgumentNullException.ThrowIfNull(productIds);
        var contact = await ContactOf(scope, cancellationToken);
        return [.. (await LookUp(contact, itemNumbers, productIds, cancellationToken)).Select(p => p.Product)];
    }

    public async Task<SubmitResult> SubmitAsync(CustomerScope scope, NewSalesOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(order);
        if (OrderingRules.CheckOrder(order) is { Count: > 0 } shapeRefusals)
        {
            return SubmitResult.Refused(shapeRefusals);
        }

        await gate.Writer.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await SubmitOnce(scope, order, cancellationToken);
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

    private async Task<SubmitResult> SubmitOnce(CustomerScope scope, NewSalesOrder order, CancellationToken cancellationToken)
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

            var existing = await db.SalesOrders
                .Where(o => o.SalesOrderId == order.SalesOrderId)
                .Select(o => new { o.OrderNumber, o.CustomerId, o.CompanyId, o.ContactPersonId })
                .SingleOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                var visible = existing.CustomerId == scope.AccountId && existing.CompanyId == scope.CompanyId
                    && (scope.SeesWholeAccount || existing.ContactPersonId == scope.ContactId);
                return visible
                    ? SubmitResult.AlreadySubmitted(existing.OrderNumber)
                    : SubmitResult.Refused([new SubmitRefusal(SubmitRefusalReason.IdInUse)]);
            }

            var contact = await ContactOf(scope, cancellationToken);
            var defaults = OrderingRules.DefaultsFor(scope, contact);
            if (!defaults.CanOrder)
            {
                return SubmitResult.Refused([.. defaults.Missing.Select(m => new SubmitRefusal(SubmitRefusalReason.MissingContactField, Field: m.Field))]);
            }

            var products = (await LookUp(contact, [], [.. order.Lines.Select(l => l.ProductId).Distinct()], cancellationToken))
                .ToDictionary(p => p.Product.ProductId);
            var refusals = OrderingRules.CheckLines(order, products.ToDictionary(p => p.Key, p => p.Value.Product));
            if (refusals.Count > 0)
            {
                return SubmitResult.Refused(refusals);
            }

            var orderNumber = numbering.Format(await LastSequence(scope.CompanyId, cancellationToken) + 1);
            db.SalesOrders.Add(ToRow(scope, contact!, defaults, order, orderNumber, products));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SubmitResult.Created(orderNumber);
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, cancellationToken);
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    // What the contact record gives an order. Null when the contact is gone or inactive.
    private Task<OrderingContact?> ContactOf(CustomerScope scope, CancellationToken cancellationToken) =>
        db.Contacts
            .AsNoTracking()
            .Where(c => c.ContactId == scope.ContactId && c.StateCode == 0)
            .Select(c => new OrderingContact(
                c.FullName,
                c.AccountId,
                c.CompanyId,
                c.Company != null ? new LegalEntity(c.Company.CompanyId, c.Company.Code, c.Company.Name) : null,
                c.Account != null ? new OrderingAccount(c.Account.AccountId, c.Account.AccountNumber, c.Account.Name) : null,
                c.Account != null
                    ? new PostalAddress(c.Account.Line1, c.Account.Line2, c.Account.City, c.Account.StateOrProvince, c.Account.PostalCode, c.Account.Country)
                    : null,
                c.PriceListId,
                db.PriceLists.Where(p => p.PriceListId == c.PriceListId).Select(p => p.Name).FirstOrDefault(),
                c.CurrencyId,
                db.Currencies.Where(x => x.CurrencyId == c.CurrencyId).Select(x => new Currency(x.IsoCode, x.Symbol, x.Precision)).FirstOrDefault(),
                c.Country))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<List<PricedProduct>> LookUp(
        OrderingContact? contact, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        if (itemNumbers.Count == 0 && productIds.Count == 0)
        {
            return [];
        }

        var numbers = OrderingRules.ItemNumberCandidates(itemNumbers);
        var ids = productIds.ToList();
        var priceListId = contact?.PriceListId;

        var rows = await db.Products
            .AsNoTracking()
            .Where(p => numbers.Contains(p.ScmProductNumber) || ids.Contains(p.ProductId))
            .Select(p => new
            {
                p.ProductId,
                p.ScmProductNumber,
                p.Name,
                p.State,
                p.DefaultUnitId,
                Unit = p.DefaultUnit!.Symbol,
                p.QuantityDecimals,
                Price = db.PriceListItems
                    .Where(i => i.PriceListId == priceListId && i.ProductId == p.ProductId && i.UnitId == p.DefaultUnitId)
                    .Select(i => new
                    {
                        i.Amount,
                        Currency = db.Currencies.Where(c => c.CurrencyId == i.CurrencyId)
                            .Select(c => new Currency(c.IsoCode, c.Symbol, c.Precision)).FirstOrDefault(),
                    })
                    .FirstOrDefault(),
            })
            .OrderBy(p => p.ScmProductNumber)
            .ToListAsync(cancellationToken);

        return
        [
            .. rows.Select(p =>
            {
                var refusal = OrderingRules.RefusalFor(p.State, p.Price is not null, p.Price?.Currency?.IsoCode, contact?.Currency?.IsoCode);
                return new PricedProduct(new OrderableProduct(p.ProductId, p.ScmProductNumber, p.Name, p.State, p.Unit, p.QuantityDecimals,
                    p.Price?.Amount, p.Price?.Currency, refusal), p.DefaultUnitId);
            }),
        ];
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

    // Every column dual-write needs to create the order in Supply Chain Management (header: company,
    // name, currency, price list, ship-to country, customer, language, delivery address description;
    // lines: product, quantity, unit, ship-to country, delivery address description).
    private static SalesOrderRow ToRow(
        CustomerScope scope, OrderingContact contact, OrderingDefaults defaults, NewSalesOrder order, string orderNumber,
        Dictionary<Guid, PricedProduct> products)
    {
        var now = DateTime.UtcNow;
        var currency = defaults.Currency!;
        var (state, statusReason) = OrderingRules.NewOrderStatus;
        var address = order.DeliveryAddress;
        var description = Truncate(defaults.Customer!.Name, OrderingRules.MaxDeliveryAddressDescriptionLength);
        var row = new SalesOrderRow
        {
            SalesOrderId = order.SalesOrderId,
            Name = orderNumber,
            DataverseOrderNumber = orderNumber,
            OrderNumber = orderNumber,
            CompanyId = scope.CompanyId,
            CustomerId = scope.AccountId,
            CustomerIdType = "account",
            InvoiceCustomerId = defaults.InvoiceAccount!.AccountId,
            ContactPersonId = scope.ContactId,
            PriceListId = contact.PriceListId,
            CurrencyId = contact.CurrencyId!.Value,
            OrderType = OrderingRules.NewOrderType,
            IsReadyToSync = true,
            Language = (int)defaults.Language,
            RequisitionNumber = Blank(order.RequisitionNumber),
            CustomerReference = Blank(order.CustomerReference),
            RequestedReceiptDate = order.RequestedReceiptDate,
            ShipToLine1 = Blank(address.Line1),
            ShipToLine2 = Blank(address.Line2),
            ShipToCity = Blank(address.City),
            ShipToStateOrProvince = Blank(address.StateOrProvince),
            ShipToPostalCode = Blank(address.PostalCode),
            // Shown, not asked: the ship-to country comes from the contact, as in Microsoft's template.
            ShipToCountry = defaults.ShipToCountry,
            DeliveryAddressDescription = description,
            State = state,
            StatusReason = statusReason,
            ProcessingStatus = OrderingRules.NewOrderProcessingStatus,
            CreatedOn = now,
            ModifiedOn = now,
        };

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var (product, unitId) = products[line.ProductId];
            var amount = OrderingRules.LineAmount(line.Quantity, product.UnitPrice!.Value, currency);
            row.Lines.Add(new SalesOrderLineRow
            {
                SalesOrderLineId = line.SalesOrderLineId,
                SalesOrderId = row.SalesOrderId,
                Name = product.Name,
                CompanyId = scope.CompanyId,
                ProductId = product.ProductId,
                UnitId = unitId,
                Description = product.Name,
                IsProductOverridden = false,
                Quantity = line.Quantity,
                PricePerUnit = product.UnitPrice.Value,
                // The dual-write line map forces this to true: the price is the customer's estimate until SCM prices the line.
                IsPriceOverridden = true,
                BaseAmount = amount,
                DiscountAmount = 0,
                Tax = 0,
                ExtendedAmount = amount,
                CurrencyId = row.CurrencyId,
                SequenceNumber = i + 1,
                LineItemNumber = i + 1,
                LineStatus = OrderLineStatus.None,
                RequestedReceiptDate = order.RequestedReceiptDate,
                ShipToCountry = row.ShipToCountry,
                DeliveryAddressDescription = description,
            });
        }

        row.LineTotal = row.Lines.Sum(l => l.ExtendedAmount);
        row.TotalAmountLessFreight = row.LineTotal;
        row.TotalAmount = row.LineTotal;
        return row;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private sealed record PricedProduct(OrderableProduct Product, Guid UnitId);
}
