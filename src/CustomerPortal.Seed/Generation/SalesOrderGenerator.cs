using System.Globalization;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// Sales orders (salesorder) with their lines (salesorderdetail), one order at a time so that a quarter
// of a million orders never sit in memory. Each order draws from its own System.Random, seeded from the
// profile seed and the order index.
internal sealed class SalesOrderGenerator
{
    // msdyn_language: en-us.
    private const int EnglishUnitedStates = 192350015;
    private const string CodeAlphabet = "BCDFGHJKLMNPQRSTVWXZ0123456789";
    private const double OtherAddressShare = 0.2;
    private const double RequisitionShare = 0.6;
    private const double CustomerReferenceShare = 0.3;
    private const double BackorderShare = 0.05;
    private const double VolumeDiscountShare = 0.3;
    private const decimal VolumeDiscount = 0.05m;

    private readonly SeedProfile _profile;
    private readonly IReadOnlyList<SeedAccount> _accounts;
    private readonly Dictionary<Guid, SeedAccount> _accountsById;
    private readonly WeightedPicker _accountPicker;
    private readonly OrderTimeline _timeline;
    private readonly Dictionary<int, PersonaOrder> _personaOrders;
    private int _nextIndex;

    public SalesOrderGenerator(SeedProfile profile, IReadOnlyList<SeedAccount> accounts, IReadOnlyList<PersonaTarget>? personas = null)
    {
        _profile = profile;
        _accounts = accounts;
        _accountsById = accounts.ToDictionary(a => a.Row.AccountId);
        // Account 0 (US-0001, the demo representative's) orders far more than anyone else, as a
        // portal's biggest customer does; the long tail orders now and then.
        _accountPicker = WeightedPicker.Zipf(accounts.Count, 0.8);
        _timeline = new OrderTimeline(profile.ReferenceDate, profile.Counts.Orders);
        _personaOrders = PersonaOrderPlan.Plan(this, personas ?? []);
    }

    internal DateTime End => _timeline.End;

    internal int OrderCount => _profile.Counts.Orders;

    // The first draws of order index, as Next makes them (the order date before it is nudged past its
    // predecessor's): for the persona plan, which looks ahead without generating.
    internal (SeedAccount Account, ContactRow ContactPerson, DateTime OrderedOn, ProcessingStatus Status) Preview(int index, OrderTimeline timeline)
    {
        var random = new Random(SeedIds.RandomSeed(_profile.RandomSeed, SeedStream.SalesOrderDraws, index));
        return FirstDraws(index, random, timeline.Unadjusted);
    }

    internal OrderTimeline NewTimeline() => new(_profile.ReferenceDate, _profile.Counts.Orders);

    private (SeedAccount Account, ContactRow ContactPerson, DateTime OrderedOn, ProcessingStatus Status) FirstDraws(
        int index, Random random, Func<int, double, DateTime> orderedOnOf)
    {
        var account = _accounts[_accountPicker.Pick(random)];
        var contactPerson = account.Contacts[random.Next(account.Contacts.Count)];
        var orderedOn = orderedOnOf(index, random.NextDouble());
        var status = OrderStatusPlanner.For(_timeline.End - orderedOn, random.NextDouble());
        return (account, contactPerson, orderedOn, status);
    }

    public int Generated => _nextIndex;

    // The customer account an order generated here was placed for.
    public SeedAccount AccountOf(SalesOrderRow order) => _accountsById[order.CustomerId];

    public SalesOrderRow Next()
    {
        var index = _nextIndex++;
        var random = new Random(SeedIds.RandomSeed(_profile.RandomSeed, SeedStream.SalesOrderDraws, index));

        var (account, contactPerson, orderedOn, plannedStatus) = FirstDraws(index, random, _timeline.OrderedOn);
        var persona = _personaOrders.GetValueOrDefault(index);
        if (persona?.ContactId is { } personaContact)
        {
            contactPerson = account.Contacts.First(c => c.ContactId == personaContact);
        }

        var status = PersonaOrderPlan.StatusFor(persona, plannedStatus);
        var (state, statusReason) = OrderStatusRules.DataverseStatusFor(status);

        var orderDate = DateOnly.FromDateTime(orderedOn);
        var requestedReceipt = orderDate.AddDays(random.Next(5, 31));
        var transitDays = random.Next(1, 4);
        // Drawn for the planned status, so a persona's order keeps the draws of every other column.
        var plannedConfirmedReceipt = ConfirmedReceipt(plannedStatus, requestedReceipt, random);
        var shipTo = random.NextDouble() < OtherAddressShare
            ? account.OtherAddresses[random.Next(account.OtherAddresses.Count)]
            : account.MainAddress;
        var requisition = random.NextDouble() < RequisitionShare
            ? string.Create(CultureInfo.InvariantCulture, $"PO-{random.Next(10_000, 100_000_000)}")
            : null;
        var customerReference = random.NextDouble() < CustomerReferenceShare ? CustomerReference(random, shipTo, orderDate) : null;
        var lastChange = orderedOn + OrderStatusPlanner.LastChangeAfterOrder(plannedStatus, random);
        var delivery = new Random(SeedIds.RandomSeed(_profile.RandomSeed, SeedStream.DeliveryDraws, index));
        if (status != plannedStatus)
        {
            lastChange = orderedOn + OrderStatusPlanner.LastChangeAfterOrder(status, delivery);
        }

        var confirmedReceipt = DeliveryDates.ConfirmedReceipt(status, plannedConfirmedReceipt ?? requestedReceipt, orderDate, _profile.ReferenceDate, persona?.Kind, delivery);
        var orderNumber = string.Create(CultureInfo.InvariantCulture, $"SO-{index + 1:D7}");
        var currency = account.PriceList.Currency;

        var order = new SalesOrderRow
        {
            SalesOrderId = SeedIds.For(_profile.RandomSeed, SeedStream.SalesOrderId, index),
            Name = orderNumber,
            DataverseOrderNumber = string.Create(CultureInfo.InvariantCulture, $"ORD-{index + 1:D5}-{Code(random, 6)}"),
            OrderNumber = orderNumber,
            CompanyId = account.Company.Row.CompanyId,
            CustomerId = account.Row.AccountId,
            CustomerIdType = "account",
            InvoiceCustomerId = account.Row.AccountId,
            ContactPersonId = contactPerson.ContactId,
            PriceListId = account.PriceList.Row.PriceListId,
            CurrencyId = currency.CurrencyId,
            OrderType = SalesOrderType.ItemBased,
            IsReadyToSync = true,
            Language = EnglishUnitedStates,
            RequisitionNumber = requisition,
            CustomerReference = customerReference,
            RequestedReceiptDate = requestedReceipt,
            RequestedShippingDate = Later(orderDate, requestedReceipt.AddDays(-transitDays)),
            ConfirmedReceiptDate = confirmedReceipt,
            ConfirmedShippingDate = confirmedReceipt is { } receipt ? Later(orderDate, receipt.AddDays(-transitDays)) : null,
            DeliveryModeId = account.Company.DeliveryModes.Count > 0 ? account.Company.DeliveryModes[DeliveryModeCatalog.Pick(delivery)].ShipViaId : null,
            ShipToLine1 = shipTo.Line1,
            ShipToLine2 = shipTo.Line2,
            ShipToCity = shipTo.City,
            ShipToStateOrProvince = shipTo.StateOrProvince,
            ShipToPostalCode = shipTo.PostalCode,
            ShipToCountry = shipTo.Country,
            DeliveryAddressDescription = shipTo.Description,
            State = state,
            StatusReason = statusReason,
            ProcessingStatus = status,
            CreatedOn = orderedOn,
            ModifiedOn = lastChange < _timeline.End ? lastChange : _timeline.End,
        };

        AddLines(order, account.PriceList, status, index, random);
        if (WriteInLines.For(_profile, order, index, currency, status) is { } writeIn)
        {
            order.Lines.Add(writeIn);
        }

        DeliveryDates.FillLines(order, status, account.Company, currency, delivery);
        return order;
    }

    private void AddLines(SalesOrderRow order, SeedPriceList priceList, ProcessingStatus status, int orderIndex, Random random)
    {
        var range = _profile.Counts.LinesPerOrder;
        var lineCount = Math.Min(random.Next(range.Min, range.Max + 1), priceList.Products.Count);
        var products = PickDistinctProducts(priceList.Products, lineCount, random);
        var lineStatuses = LineStatuses(status, lineCount, random);
        var precision = priceList.Currency.Precision;

        for (var i = 0; i < lineCount; i++)
        {
            var sellable = products[i];
            var product = sellable.Product;
            var quantity = Quantity(product.Unit.QuantityDecimals, random);
            var baseAmount = Math.Round(quantity * sellable.Price, precision, MidpointRounding.AwayFromZero);
            var discount = quantity >= 20 && random.NextDouble() < VolumeDiscountShare
                ? Math.Round(baseAmount * VolumeDiscount, precision, MidpointRounding.AwayFromZero)
                : 0m;

            order.Lines.Add(new SalesOrderLineRow
            {
                SalesOrderLineId = SeedIds.For(_profile.RandomSeed, SeedStream.SalesOrderLineId, orderIndex, i + 1),
                SalesOrderId = order.SalesOrderId,
                Name = product.Row.Name,
                CompanyId = order.CompanyId,
                ProductId = product.Row.ProductId,
                UnitId = product.Unit.Row.UnitId,
                Description = product.Row.Name,
                Quantity = quantity,
                PricePerUnit = sellable.Price,
                IsPriceOverridden = true,
                BaseAmount = baseAmount,
                DiscountAmount = discount,
                ExtendedAmount = baseAmount - discount,
                CurrencyId = order.CurrencyId,
                SequenceNumber = i + 1,
                LineItemNumber = i + 1,
                LineStatus = lineStatuses[i],
                RequestedReceiptDate = order.RequestedReceiptDate,
                ShipToCountry = order.ShipToCountry,
                DeliveryAddressDescription = order.DeliveryAddressDescription,
            });
        }
    }

    // Distinct products, best sellers (early on the price list) more often than the rest.
    private static SellableProduct[] PickDistinctProducts(IReadOnlyList<SellableProduct> sellable, int count, Random random)
    {
        var picked = new SellableProduct[count];
        Span<int> positions = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            var draw = random.NextDouble();
            var position = (int)(sellable.Count * draw * Math.Sqrt(draw));
            // A small price list can run out of unpicked best sellers; then take the next free one.
            while (positions[..i].Contains(position))
            {
                position = (position + 1) % sellable.Count;
            }

            positions[i] = position;
            picked[i] = sellable[position];
        }

        return picked;
    }

    // Whole units for each, box, set and pieces, mostly a few, sometimes a round dozen or fifty; metres,
    // kilograms and litres to the unit's decimals.
    private static decimal Quantity(int decimals, Random random)
    {
        var draw = random.NextDouble();
        var skewed = draw * draw * draw;
        if (decimals > 0)
        {
            return Math.Round((decimal)(0.5 + 199.5 * skewed), decimals, MidpointRounding.AwayFromZero);
        }

        var quantity = 1 + (int)(49.999 * skewed);
        if (quantity > 10 && random.NextDouble() < 0.5)
        {
            quantity = Math.Min(50, (quantity + 2) / 5 * 5);
        }

        return quantity;
    }

    // Lines follow the order: all invoiced, delivered or canceled with it; in a partly processed order
    // at least one line is done and one is not (when it has more than one line).
    private static OrderLineStatus[] LineStatuses(ProcessingStatus status, int lineCount, Random random)
    {
        var statuses = new OrderLineStatus[lineCount];
        if (OrderStatusPlanner.UniformLineStatus(status) is { } uniform)
        {
            Array.Fill(statuses, uniform);
        }
        else if (OrderStatusPlanner.PartialLineStatuses(status) is { } partial)
        {
            var doneCount = lineCount > 1 ? random.Next(1, lineCount) : 0;
            var first = random.Next(lineCount);
            for (var i = 0; i < lineCount; i++)
            {
                statuses[i] = (i - first + lineCount) % lineCount < doneCount ? partial.Done : partial.Open;
            }
        }
        else
        {
            for (var i = 0; i < lineCount; i++)
            {
                statuses[i] = random.NextDouble() < BackorderShare ? OrderLineStatus.Backorder : OrderLineStatus.None;
            }
        }

        return statuses;
    }

    // Confirmed once Supply Chain Management confirmed the order, usually for the requested date, sometimes
    // a few days later. Goods already on their way arrived by the reference date at the latest.
    private DateOnly? ConfirmedReceipt(ProcessingStatus status, DateOnly requestedReceipt, Random random)
    {
        if (status is ProcessingStatus.Active or ProcessingStatus.Canceled)
        {
            return null;
        }

        var slip = random.NextDouble() switch
        {
            < 0.7 => 0,
            < 0.9 => random.Next(1, 4),
            _ => random.Next(4, 11),
        };
        var receipt = requestedReceipt.AddDays(slip);
        var shipped = OrderStatusRules.IsShipped(status) || status == ProcessingStatus.PartiallyDelivered;
        return shipped && receipt > _profile.ReferenceDate ? _profile.ReferenceDate : receipt;
    }

    private static string CustomerReference(Random random, DeliveryAddress shipTo, DateOnly orderDate)
    {
        var reference = random.Next(6) switch
        {
            0 => $"Store refit {shipTo.City}",
            1 => string.Create(CultureInfo.InvariantCulture, $"Q{(orderDate.Month + 2) / 3} {orderDate.Year} replenishment"),
            2 => string.Create(CultureInfo.InvariantCulture, $"Showroom update {orderDate.Year}"),
            3 => string.Create(CultureInfo.InvariantCulture, $"Installation job {random.Next(100, 10_000)}"),
            4 => string.Create(CultureInfo.InvariantCulture, $"Hotel fit-out {random.Next(1, 100)}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"Framework agreement FA-{random.Next(1000, 10_000)}"),
        };
        return reference.Length <= 60 ? reference : reference[..60].TrimEnd();
    }

    private static string Code(Random random, int length) => string.Create(length, random, (chars, r) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CodeAlphabet[r.Next(CodeAlphabet.Length)];
        }
    });

    private static DateOnly Later(DateOnly first, DateOnly second) => first > second ? first : second;
}
