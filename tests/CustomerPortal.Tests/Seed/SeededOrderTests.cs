using CustomerPortal.Core.Accounts;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Tests.Seed;

public sealed class SeededOrderTests(SeededMirror seeded)
{
    [Fact]
    public void Every_order_total_is_the_lines_less_the_discount_plus_freight_and_tax()
    {
        using var mirror = seeded.OpenMirror();
        var lines = mirror.SalesOrderLines.AsEnumerable().GroupBy(l => l.SalesOrderId).ToDictionary(g => g.Key, g => g.ToList());
        var orders = mirror.SalesOrders.ToList();

        Assert.Equal(seeded.Profile.Counts.Orders, orders.Count);
        Assert.All(orders, order =>
        {
            Assert.Equal(lines[order.SalesOrderId].Sum(l => l.ExtendedAmount), order.LineTotal);
            Assert.Equal(order.LineTotal - order.DiscountAmount, order.TotalAmountLessFreight);
            Assert.Equal(order.LineTotal - order.DiscountAmount + order.FreightAmount + order.TaxAmount, order.TotalAmount);
            // The lines' tax, and the tax on the freight.
            Assert.InRange(order.TaxAmount - lines[order.SalesOrderId].Sum(l => l.Tax), 0m, order.FreightAmount);
            Assert.True(order.FreightAmount >= 0);
        });
        Assert.InRange(orders.Count(o => o.FreightAmount > 0), orders.Count / 2, orders.Count - 1);
        Assert.InRange(orders.Count(o => o.TaxAmount > 0), orders.Count * 9 / 10, orders.Count);
    }

    [Fact]
    public void Line_amounts_are_quantity_times_price_rounded_to_the_currency_less_the_discount()
    {
        using var mirror = seeded.OpenMirror();
        var precisions = mirror.Currencies.ToDictionary(c => c.CurrencyId, c => c.Precision);
        var lines = mirror.SalesOrderLines.ToList();

        Assert.Contains(precisions.Values, precision => precision == 0);
        Assert.Contains(lines, line => line.DiscountAmount > 0);
        Assert.All(lines, line =>
        {
            var precision = precisions[line.CurrencyId];
            Assert.Equal(Math.Round(line.Quantity * line.PricePerUnit, precision, MidpointRounding.AwayFromZero), line.BaseAmount);
            Assert.Equal(line.BaseAmount - line.DiscountAmount, line.ExtendedAmount);
            Assert.Equal(line.ExtendedAmount, Math.Round(line.ExtendedAmount, precision));
            Assert.Equal(line.Tax, Math.Round(line.Tax, precision));
            Assert.InRange(line.Tax, 0m, line.ExtendedAmount / 4);
        });
    }

    [Fact]
    public void Every_option_set_value_is_a_defined_Dataverse_value_and_order_states_match_the_processing_status()
    {
        using var mirror = seeded.OpenMirror();
        var orders = mirror.SalesOrders.ToList();

        Assert.All(orders, order =>
        {
            Assert.True(Enum.IsDefined(order.ProcessingStatus), $"{order.OrderNumber}: processing status {(int)order.ProcessingStatus}");
            Assert.True(OrderStatusRules.IsValidPair(order.State, order.StatusReason), $"{order.OrderNumber}: {order.State}/{order.StatusReason}");
            Assert.Equal(OrderStatusRules.DataverseStatusFor(order.ProcessingStatus), (order.State, order.StatusReason));
            Assert.Equal(SalesOrderType.ItemBased, order.OrderType);
            Assert.Equal(192350015, order.Language);
            Assert.True(order.IsReadyToSync);
        });
        Assert.All(mirror.SalesOrderLines.ToList(), line => Assert.True(Enum.IsDefined(line.LineStatus)));
        Assert.All(mirror.Accounts.ToList(), account =>
        {
            Assert.True(Enum.IsDefined(account.OnHoldStatus));
            Assert.Equal(3, account.CustomerTypeCode);
        });
        Assert.All(mirror.Products.ToList(), product => Assert.Equal(
            product.State switch { ProductState.Active => 1, ProductState.Retired => 2, ProductState.Draft => 0, _ => -1 },
            product.StatusCode));

        // A profile this size shows every status somewhere, so the portal's status filter has something to find.
        Assert.Equal(Enum.GetValues<ProcessingStatus>().Length, orders.Select(o => o.ProcessingStatus).Distinct().Count());
    }

    [Fact]
    public void An_order_is_as_far_along_as_its_age_allows()
    {
        using var mirror = seeded.OpenMirror();
        var reference = seeded.ReferenceMoment;

        Assert.All(mirror.SalesOrders.ToList(), order =>
        {
            var age = reference - order.CreatedOn;
            Assert.InRange(age, TimeSpan.FromSeconds(1), TimeSpan.FromDays(730));
            Assert.InRange(order.ModifiedOn, order.CreatedOn, reference);
            var shippedOrBilled = order.ProcessingStatus is ProcessingStatus.Delivered or ProcessingStatus.Invoiced
                or ProcessingStatus.PartiallyInvoiced or ProcessingStatus.DeliveredAndPartiallyInvoiced or ProcessingStatus.PartiallyDelivered;
            if (age < TimeSpan.FromDays(2))
            {
                Assert.False(shippedOrBilled, $"{order.OrderNumber} placed {age.TotalHours:0} h ago is already {order.ProcessingStatus}");
            }

            if (age > TimeSpan.FromDays(30))
            {
                Assert.True(order.ProcessingStatus is ProcessingStatus.Invoiced or ProcessingStatus.Canceled or ProcessingStatus.Delivered,
                    $"{order.OrderNumber} placed {age.TotalDays:0} days ago is still {order.ProcessingStatus}");
            }

            var confirmed = order.ProcessingStatus is not (ProcessingStatus.Active or ProcessingStatus.Canceled);
            Assert.Equal(confirmed, order.ConfirmedReceiptDate is not null);
            Assert.Equal(confirmed, order.ConfirmedShippingDate is not null);
            Assert.True(order.RequestedReceiptDate > DateOnly.FromDateTime(order.CreatedOn));
        });
    }

    [Fact]
    public void Order_numbers_grow_with_the_order_date()
    {
        using var mirror = seeded.OpenMirror();
        var byDate = mirror.SalesOrders.OrderBy(o => o.CreatedOn).Select(o => new { o.OrderNumber, o.CreatedOn }).ToList();

        Assert.Equal(byDate.Select(o => o.OrderNumber).Order(StringComparer.Ordinal), byDate.Select(o => o.OrderNumber));
        Assert.Equal(byDate.Count, byDate.Select(o => o.CreatedOn).Distinct().Count());
        Assert.Equal("SO-0000001", byDate[0].OrderNumber);
    }

    [Fact]
    public void Lines_sell_only_active_products_priced_on_the_orders_price_list_in_their_own_unit()
    {
        using var mirror = seeded.OpenMirror();
        var products = mirror.Products.ToDictionary(p => p.ProductId);
        var prices = mirror.PriceListItems.ToDictionary(i => (i.PriceListId, i.ProductId), i => i.Amount);
        var orders = mirror.SalesOrders.ToDictionary(o => o.SalesOrderId);
        var lines = mirror.SalesOrderLines.ToList();

        Assert.All(lines.Where(l => !l.IsProductOverridden), line =>
        {
            var order = orders[line.SalesOrderId];
            var product = products[line.ProductId!.Value];
            Assert.Equal(ProductState.Active, product.State);
            Assert.Null(line.ProductDescription);
            Assert.True(prices.TryGetValue((order.PriceListId!.Value, product.ProductId), out var price),
                $"{order.OrderNumber} line {line.SequenceNumber} sells {product.ScmProductNumber}, which is not on the order's price list");
            Assert.Equal(price, line.PricePerUnit);
            Assert.Equal(product.DefaultUnitId, line.UnitId);
            Assert.Equal(product.Name, line.Name);
            Assert.Equal(order.CompanyId, line.CompanyId);
            Assert.Equal(order.CurrencyId, line.CurrencyId);
            Assert.Equal(order.RequestedReceiptDate, line.RequestedReceiptDate);
            Assert.Equal(order.ShipToCountry, line.ShipToCountry);
        });
        Assert.All(lines.GroupBy(l => l.SalesOrderId), order =>
        {
            Assert.InRange(order.Count(), 1, 9);
            Assert.Equal(order.Count(), order.Select(l => l.ProductId ?? l.SalesOrderLineId).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, order.Count()), order.Select(l => l.SequenceNumber).Order());
        });
    }

    [Fact]
    public void Quantities_respect_the_decimals_of_the_products_unit()
    {
        using var mirror = seeded.OpenMirror();
        var decimals = mirror.Products.ToDictionary(p => p.ProductId, p => p.QuantityDecimals);
        var lines = mirror.SalesOrderLines.Where(l => l.ProductId != null).ToList();

        Assert.Contains(lines, line => decimals[line.ProductId!.Value] > 0 && line.Quantity != Math.Floor(line.Quantity));
        Assert.All(lines, line =>
        {
            var allowed = decimals[line.ProductId!.Value];
            Assert.True(line.Quantity > 0);
            Assert.Equal(Math.Round(line.Quantity, allowed), line.Quantity);
            if (allowed == 0)
            {
                Assert.InRange(line.Quantity, 1, 50);
            }
        });
    }

    [Fact]
    public void A_few_orders_end_with_a_write_in_line_that_has_a_description_a_unit_and_a_price_but_no_product()
    {
        using var mirror = seeded.OpenMirror();
        var units = mirror.Units.ToDictionary(u => u.UnitId, u => u.Symbol);
        var precisions = mirror.Currencies.ToDictionary(c => c.CurrencyId, c => c.Precision);
        var lines = mirror.SalesOrderLines.ToList();
        var writeIns = lines.Where(l => l.IsProductOverridden).ToList();
        var lastLines = lines.GroupBy(l => l.SalesOrderId).ToDictionary(g => g.Key, g => g.Max(l => l.SequenceNumber));

        Assert.InRange(writeIns.Count, 10, seeded.Profile.Counts.Orders / 10);
        Assert.Equal(writeIns.Count, writeIns.Select(l => l.SalesOrderId).Distinct().Count());
        Assert.All(writeIns, line =>
        {
            Assert.Null(line.ProductId);
            Assert.False(string.IsNullOrWhiteSpace(line.ProductDescription));
            Assert.InRange(line.ProductDescription!.Length, 1, 500);
            Assert.Equal(line.ProductDescription, line.Name);
            Assert.Equal("ea", units[line.UnitId]);
            Assert.True(line.PricePerUnit > 0);
            Assert.Equal(Math.Round(line.Quantity * line.PricePerUnit, precisions[line.CurrencyId], MidpointRounding.AwayFromZero), line.ExtendedAmount);
            Assert.Equal(lastLines[line.SalesOrderId], line.SequenceNumber);
        });
    }

    [Fact]
    public void Line_statuses_follow_the_order_status()
    {
        using var mirror = seeded.OpenMirror();
        var orders = mirror.SalesOrders.ToDictionary(o => o.SalesOrderId);

        Assert.All(mirror.SalesOrderLines.AsEnumerable().GroupBy(l => l.SalesOrderId), group =>
        {
            var status = orders[group.Key].ProcessingStatus;
            var lines = group.Select(l => l.LineStatus).ToList();
            switch (status)
            {
                case ProcessingStatus.Invoiced:
                    Assert.All(lines, s => Assert.Equal(OrderLineStatus.Invoiced, s));
                    break;
                case ProcessingStatus.Delivered:
                    Assert.All(lines, s => Assert.Equal(OrderLineStatus.Delivered, s));
                    break;
                case ProcessingStatus.Canceled:
                    Assert.All(lines, s => Assert.Equal(OrderLineStatus.Canceled, s));
                    break;
                case ProcessingStatus.PartiallyDelivered:
                    AssertPartly(lines, OrderLineStatus.Delivered, OrderLineStatus.None, OrderLineStatus.Backorder);
                    break;
                case ProcessingStatus.PartiallyInvoiced:
                    AssertPartly(lines, OrderLineStatus.Invoiced, OrderLineStatus.None, OrderLineStatus.Backorder);
                    break;
                case ProcessingStatus.DeliveredAndPartiallyInvoiced:
                    AssertPartly(lines, OrderLineStatus.Invoiced, OrderLineStatus.Delivered);
                    break;
                default:
                    Assert.All(lines, s => Assert.True(s is OrderLineStatus.None or OrderLineStatus.Backorder, $"{status} order with a {s} line"));
                    break;
            }
        });
    }

    [Fact]
    public void The_demo_representatives_account_US_0001_places_the_most_orders_and_its_authorized_user_some()
    {
        using var mirror = seeded.OpenMirror();
        var ordersPerAccount = mirror.SalesOrders
            .GroupBy(o => o.Customer!.AccountNumber)
            .Select(g => new { Account = g.Key, Orders = g.Count() })
            .OrderByDescending(g => g.Orders)
            .ToList();
        var buyer = mirror.Contacts.Single(c => c.Email == "buyer@contoso.example");

        Assert.Equal("US-0001", ordersPerAccount[0].Account);
        Assert.True(ordersPerAccount[0].Orders > 1.5 * ordersPerAccount[1].Orders, $"US-0001 {ordersPerAccount[0].Orders}, next {ordersPerAccount[1].Orders}");
        Assert.True(mirror.SalesOrders.Count(o => o.ContactPersonId == buyer.ContactId) > 10);
    }

    [Fact]
    public void Orders_are_placed_by_a_contact_of_the_customer_and_use_the_customers_terms()
    {
        using var mirror = seeded.OpenMirror();
        var accounts = mirror.Accounts.ToDictionary(a => a.AccountId);
        var contacts = mirror.Contacts.ToDictionary(c => c.ContactId);

        Assert.All(mirror.SalesOrders.ToList(), order =>
        {
            var account = accounts[order.CustomerId];
            Assert.Equal(account.AccountId, contacts[order.ContactPersonId!.Value].AccountId);
            Assert.Equal(account.AccountId, order.InvoiceCustomerId);
            Assert.Equal(account.CompanyId, order.CompanyId);
            Assert.Equal(account.CurrencyId, order.CurrencyId);
            Assert.Equal(account.PriceListId, order.PriceListId);
            Assert.Equal("account", order.CustomerIdType);
            Assert.Equal(order.OrderNumber, order.Name);
            Assert.False(string.IsNullOrEmpty(order.ShipToLine1));
            Assert.InRange(order.RequisitionNumber?.Length ?? 0, 0, 20);
            Assert.InRange(order.CustomerReference?.Length ?? 0, 0, 60);
        });
    }

    [Fact]
    public void Every_lookup_points_at_an_existing_row()
    {
        using var mirror = seeded.OpenMirror();
        var connection = mirror.Database.GetDbConnection();
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA foreign_key_check";
        using var reader = check.ExecuteReader();

        Assert.False(reader.Read(), reader.HasRows ? $"{reader.GetString(0)} row {reader.GetValue(1)} points at a missing {reader.GetString(2)}" : "");
    }

    [Fact]
    public void Every_account_has_a_contact_who_can_order_and_a_few_contacts_are_incomplete()
    {
        using var mirror = seeded.OpenMirror();
        var contacts = mirror.Contacts.ToList();
        var accounts = mirror.Accounts.ToList();

        Assert.Equal(seeded.Profile.Counts.Contacts, contacts.Count);
        Assert.All(accounts, account => Assert.Contains(contacts, c => c.AccountId == account.AccountId && c.CompanyId == account.CompanyId
            && c.PriceListId == account.PriceListId && c.CurrencyId == account.CurrencyId && c.Country == account.Country));
        Assert.All(contacts, contact => Assert.Equal("account", contact.AccountIdType));
        Assert.All(accounts.Where(a => a.OnHoldStatus != OnHoldStatus.No), account => Assert.NotEqual("US-0001", account.AccountNumber));
        Assert.InRange(contacts.Count(c => c.CompanyId is null || c.PriceListId is null), 1, contacts.Count / 10);
    }

    // A line not yet done may also be on backorder (part delivered, the rest backordered).
    private static void AssertPartly(List<OrderLineStatus> lines, OrderLineStatus done, OrderLineStatus open, OrderLineStatus? alsoOpen = null)
    {
        Assert.All(lines, s => Assert.True(s == done || s == open || s == alsoOpen, $"unexpected {s}"));
        if (lines.Count > 1)
        {
            Assert.Contains(done, lines);
            Assert.Contains(lines, s => s == open || s == alsoOpen);
        }
    }
}
