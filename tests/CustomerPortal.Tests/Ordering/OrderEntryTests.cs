using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Products;

namespace CustomerPortal.Tests.Ordering;

// The submit use case over an in-memory data source: what is refused and why, what is written, how
// often the contact is read, and how a second submit of one order id is answered.
public sealed class OrderEntryTests
{
    private static readonly Currency Dollar = new("USD", "$", 2);
    private static readonly Currency Euro = new("EUR", "€", 2);
    private static readonly CustomerScope Buyer = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, CustomerRole.AuthorizedUser);
    private static readonly ListedProduct Bolt = Listed("A00001", ProductState.Active, 2.5m, Dollar, decimals: 0);
    private static readonly ListedProduct Cable = Listed("A00002", ProductState.Active, 1.25m, Dollar, decimals: 2);
    private static readonly ListedProduct Retired = Listed("A00003", ProductState.Retired, null, null);
    private static readonly ListedProduct Unlisted = Listed("A00004", ProductState.Active, null, null);
    private static readonly ListedProduct SoldInEuros = Listed("A00005", ProductState.Active, 3m, Euro);
    private static readonly ListedProduct InDraft = Listed("A00006", ProductState.Draft, 1m, Dollar);

    // 03:00 UTC: still the day before for a customer 12 hours behind, so that day is the earliest receipt date.
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 6, 10, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStore _store = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OrderEntry NewEntry() => new(_store, _time);

    [Fact]
    public async Task TheReviewsSubmitReadsTheContactOnceAndWritesTheOrderDefaultedAndPricedFromIt()
    {
        var entry = NewEntry();
        var order = Order((Bolt, 3m), (Cable, 0.5m)) with
        {
            DeliveryAddress = new PostalAddress(" 5 Dock Road ", " ", "Tacoma", "WA", "98402", "Ignored"),
            RequisitionNumber = "  ",
        };

        // What the review page does on submit: defaults, line prices, then the submit.
        await entry.GetDefaultsAsync(Buyer, Ct);
        await entry.LookUpAsync(Buyer, [], [Bolt.ProductId, Cable.ProductId], Ct);
        var result = await entry.SubmitAsync(Buyer, order, Ct);

        Assert.Equal((SubmitOutcome.Created, "CP-0000001"), (result.Outcome, result.OrderNumber));
        Assert.Equal(1, _store.ContactReads);
        var placed = Assert.Single(_store.Inserted);
        Assert.Equal((Buyer.CompanyId, Buyer.AccountId, Buyer.AccountId, Buyer.ContactId),
            (placed.CompanyId, placed.CustomerAccountId, placed.InvoiceAccountId, placed.ContactPersonId));
        Assert.Equal((_store.Contact!.PriceListId!.Value, _store.Contact.CurrencyId!.Value), (placed.PriceListId, placed.CurrencyId));
        Assert.Equal(new PostalAddress("5 Dock Road", null, "Tacoma", "WA", "98402", "United States"), placed.DeliveryAddress);
        Assert.Null(placed.RequisitionNumber);
        Assert.Equal(new string('C', OrderingRules.MaxDeliveryAddressDescriptionLength), placed.DeliveryAddressDescription);
        Assert.Equal(
            [
                new PlacedSalesOrderLine(order.Lines[0].SalesOrderLineId, 1, Bolt.ProductId, Bolt.Name, Bolt.UnitId, 3m, 2.5m, 7.5m),
                new PlacedSalesOrderLine(order.Lines[1].SalesOrderLineId, 2, Cable.ProductId, Cable.Name, Cable.UnitId, 0.5m, 1.25m, 0.63m),
            ],
            placed.Lines);
        Assert.Equal(8.13m, placed.TotalAmount);
    }

    [Theory]
    [InlineData("no lines", SubmitRefusalReason.NoLines)]
    [InlineData("too many lines", SubmitRefusalReason.TooManyLines)]
    [InlineData("no date", SubmitRefusalReason.MissingRequestedReceiptDate)]
    [InlineData("date before the earliest", SubmitRefusalReason.RequestedReceiptDateTooEarly)]
    [InlineData("no street", SubmitRefusalReason.MissingDeliveryAddress)]
    [InlineData("no city", SubmitRefusalReason.MissingDeliveryAddress)]
    [InlineData("requisition number too long", SubmitRefusalReason.TextTooLong)]
    [InlineData("customer reference too long", SubmitRefusalReason.TextTooLong)]
    [InlineData("address line too long", SubmitRefusalReason.TextTooLong)]
    public async Task AnOrderThePagesWouldRefuseIsRefusedAsAWholeAndNothingIsWritten(string problem, SubmitRefusalReason expected)
    {
        var valid = Order((Bolt, 1m));
        var order = problem switch
        {
            "no lines" => valid with { Lines = [] },
            "too many lines" => valid with { Lines = [.. Enumerable.Range(0, OrderingRules.MaxLines + 1).Select(_ => Line(Bolt, 1m))] },
            "no date" => valid with { RequestedReceiptDate = default },
            "date before the earliest" => valid with { RequestedReceiptDate = new DateOnly(2026, 6, 8) },
            "no street" => valid with { DeliveryAddress = valid.DeliveryAddress with { Line1 = " " } },
            "no city" => valid with { DeliveryAddress = valid.DeliveryAddress with { City = null } },
            "requisition number too long" => valid with { RequisitionNumber = new string('R', OrderingRules.MaxRequisitionNumberLength + 1) },
            "customer reference too long" => valid with { CustomerReference = new string('C', OrderingRules.MaxCustomerReferenceLength + 1) },
            "address line too long" => valid with { DeliveryAddress = valid.DeliveryAddress with { Line2 = new string('L', OrderingRules.MaxAddressLineLength + 1) } },
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var result = await NewEntry().SubmitAsync(Buyer, order, Ct);

        Assert.Equal(SubmitOutcome.Refused, result.Outcome);
        Assert.Equal([new SubmitRefusal(expected)], result.Refusals);
        Assert.Empty(_store.Inserted);
    }

    [Fact]
    public async Task TheEarliestReceiptDateItselfIsAccepted()
    {
        var result = await NewEntry().SubmitAsync(Buyer, Order((Bolt, 1m)) with { RequestedReceiptDate = new DateOnly(2026, 6, 9) }, Ct);

        Assert.Equal(SubmitOutcome.Created, result.Outcome);
    }

    [Theory]
    [InlineData("2026-06-10T11:59:59Z", "2026-06-09")]
    [InlineData("2026-06-10T12:00:00Z", "2026-06-10")]
    public void TheEarliestReceiptDateIsTodayForTheCustomerFurthestBehindUtc(string utcNow, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            OrderingRules.EarliestReceiptDate(new FixedTime(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public async Task EachLineThatCannotBeOrderedIsRefusedWithItsReasonAndNothingIsWritten()
    {
        var order = Order((Bolt, 1m), (Retired, 1m), (Unlisted, 1m), (SoldInEuros, 1m), (Listed("GONE", ProductState.Active, 1m, Dollar), 1m),
            (Bolt, 1.5m), (Bolt, 0m), (Bolt, OrderingRules.MaxQuantity + 1), (Cable, 0.001m), (InDraft, 1m));

        var result = await NewEntry().SubmitAsync(Buyer, order, Ct);

        Assert.Equal(
            [
                new SubmitRefusal(SubmitRefusalReason.ProductNotOrderable, 1, Product: ProductRefusal.Retired),
                new SubmitRefusal(SubmitRefusalReason.ProductNotOrderable, 2, Product: ProductRefusal.NotOnPriceList),
                new SubmitRefusal(SubmitRefusalReason.ProductNotOrderable, 3, Product: ProductRefusal.WrongCurrency),
                new SubmitRefusal(SubmitRefusalReason.UnknownProduct, 4),
                new SubmitRefusal(SubmitRefusalReason.InvalidQuantity, 5, Quantity: QuantityProblem.TooManyDecimals),
                new SubmitRefusal(SubmitRefusalReason.InvalidQuantity, 6, Quantity: QuantityProblem.NotPositive),
                new SubmitRefusal(SubmitRefusalReason.InvalidQuantity, 7, Quantity: QuantityProblem.TooLarge),
                new SubmitRefusal(SubmitRefusalReason.InvalidQuantity, 8, Quantity: QuantityProblem.TooManyDecimals),
                new SubmitRefusal(SubmitRefusalReason.ProductNotOrderable, 9, Product: ProductRefusal.NotActive),
            ],
            result.Refusals);
        Assert.Empty(_store.Inserted);
    }

    [Fact]
    public async Task AContactThatLacksWhatAnOrderNeedsIsRefusedWithEachMissingField()
    {
        _store.Contact = _store.Contact! with { PriceListId = null, Country = " " };

        var result = await NewEntry().SubmitAsync(Buyer, Order((Bolt, 1m)), Ct);

        Assert.Equal(
            [
                new SubmitRefusal(SubmitRefusalReason.MissingContactField, Field: OrderingField.PriceList),
                new SubmitRefusal(SubmitRefusalReason.MissingContactField, Field: OrderingField.ShipToCountry),
            ],
            result.Refusals);
        Assert.Empty(_store.Inserted);
    }

    [Fact]
    public async Task AContactMovedToAnotherAccountSinceSignInOrdersForNobody()
    {
        _store.Contact = _store.Contact! with { AccountId = Guid.NewGuid() };

        var result = await NewEntry().SubmitAsync(Buyer, Order((Bolt, 1m)), Ct);

        Assert.Equal([new SubmitRefusal(SubmitRefusalReason.MissingContactField, Field: OrderingField.CustomerAccount)], result.Refusals);
    }

    [Fact]
    public async Task SubmittingTheSameIdAgainAnswersWithTheFirstOrderAndWritesNothing()
    {
        var order = Order((Bolt, 2m));
        var first = await NewEntry().SubmitAsync(Buyer, order, Ct);

        var again = await NewEntry().SubmitAsync(Buyer, order with { RequisitionNumber = "CHANGED" }, Ct);

        Assert.Equal(SubmitOutcome.Created, first.Outcome);
        Assert.Equal(SubmitOutcome.AlreadySubmitted, again.Outcome);
        Assert.Equal(first.OrderNumber, again.OrderNumber);
        Assert.Equal("PO-1", Assert.Single(_store.Inserted).RequisitionNumber);
    }

    [Fact]
    public async Task ARetryAfterTheReceiptDateHasPassedStillAnswersWithTheOrder()
    {
        var order = Order((Bolt, 2m)) with { RequestedReceiptDate = new DateOnly(2026, 6, 9) };
        var first = await NewEntry().SubmitAsync(Buyer, order, Ct);
        _time.Now = _time.Now.AddDays(3);
        _store.Products.Remove(Bolt.ProductId);

        var again = await NewEntry().SubmitAsync(Buyer, order, Ct);

        Assert.Equal(SubmitOutcome.AlreadySubmitted, again.Outcome);
        Assert.Equal(first.OrderNumber, again.OrderNumber);
    }

    [Fact]
    public async Task AnIdTakenByAnOrderTheScopeMayNotSeeIsRefusedWithoutRevealingIt()
    {
        var colleague = Buyer with { ContactId = Guid.NewGuid() };
        var representative = Buyer with { Role = CustomerRole.CustomerRepresentative };
        var otherCustomer = Buyer with { AccountId = Guid.NewGuid() };
        var order = Order((Bolt, 1m));
        await NewEntry().SubmitAsync(Buyer, order, Ct);
        _store.Contact = null;

        var byColleague = await NewEntry().SubmitAsync(colleague, order, Ct);
        var byRepresentative = await NewEntry().SubmitAsync(representative, order, Ct);
        var byOtherCustomer = await NewEntry().SubmitAsync(otherCustomer, order, Ct);

        Assert.Equal([new SubmitRefusal(SubmitRefusalReason.IdInUse)], byColleague.Refusals);
        Assert.Null(byColleague.OrderNumber);
        Assert.Equal(SubmitOutcome.AlreadySubmitted, byRepresentative.Outcome);
        Assert.Equal([new SubmitRefusal(SubmitRefusalReason.IdInUse)], byOtherCustomer.Refusals);
        Assert.Single(_store.Inserted);
    }

    [Fact]
    public async Task AnIdTakenBetweenTheChecksAndTheInsertIsAnsweredAsTheDataSourceFoundIt()
    {
        var order = Order((Bolt, 1m));
        _store.TakenOnInsert = new StoredSalesOrder("CP-0000042", Buyer.AccountId, Buyer.CompanyId, Buyer.ContactId);

        var result = await NewEntry().SubmitAsync(Buyer, order, Ct);

        Assert.Equal((SubmitOutcome.AlreadySubmitted, "CP-0000042"), (result.Outcome, result.OrderNumber));
    }

    [Fact]
    public async Task LookUpFindsItemNumbersInAnyCaseButKeepsOnlyExactMatchesOfTheCandidates()
    {
        // A case-insensitive source (Dataverse) also returns "a00001x" for "A00001X"; the mirror would not.
        var lowerCaseTwin = Listed("a00001x", ProductState.Active, 1m, Dollar);
        _store.Products[lowerCaseTwin.ProductId] = lowerCaseTwin;
        _store.CaseInsensitive = true;

        var found = await NewEntry().LookUpAsync(Buyer, ["a00002", "A00001X", "A00005"], [Bolt.ProductId], Ct);

        Assert.Equal(["A00001", "A00002", "A00005"], found.Select(p => p.ItemNumber));
        Assert.Equal(ProductRefusal.WrongCurrency, found[2].Refusal);
        Assert.All(found.Take(2), p => Assert.True(p.IsOrderable));
    }

    private static NewSalesOrder Order(params (ListedProduct Product, decimal Quantity)[] lines) => new(
        Guid.NewGuid(),
        new DateOnly(2026, 7, 1),
        new PostalAddress("1 Main Street", null, "Springfield", "IL", "62701", null),
        "PO-1",
        null,
        [.. lines.Select(l => Line(l.Product, l.Quantity))]);

    private static NewSalesOrderLine Line(ListedProduct product, decimal quantity) => new(Guid.NewGuid(), product.ProductId, quantity);

    private static ListedProduct Listed(string itemNumber, ProductState state, decimal? price, Currency? currency, int decimals = 0) =>
        new(Guid.NewGuid(), itemNumber, "Product " + itemNumber, state, Guid.NewGuid(), "ea", decimals, price, currency);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    // A data source that keeps what it is given and counts what it is asked.
    private sealed class InMemoryStore : IOrderEntryStore
    {
        private readonly Dictionary<Guid, StoredSalesOrder> _orders = [];

        public OrderingContact? Contact { get; set; } = new(
            "Bea Buyer",
            Buyer.AccountId,
            Buyer.CompanyId,
            new LegalEntity(Buyer.CompanyId, "USMF", "Contoso US"),
            new OrderingAccount(Buyer.AccountId, "US-0001", new string('C', 80)),
            new PostalAddress("1 Main Street", null, "Springfield", "IL", "62701", "United States"),
            Guid.NewGuid(),
            "Retail",
            Guid.NewGuid(),
            Dollar,
            "United States");

        public Dictionary<Guid, ListedProduct> Products { get; } =
            new[] { Bolt, Cable, Retired, Unlisted, SoldInEuros, InDraft }.ToDictionary(p => p.ProductId);

        public bool CaseInsensitive { get; set; }

        public StoredSalesOrder? TakenOnInsert { get; set; }

        public int ContactReads { get; private set; }

        public List<PlacedSalesOrder> Inserted { get; } = [];

        public Task<OrderingContact?> ReadContactAsync(Guid contactId, CancellationToken cancellationToken)
        {
            ContactReads++;
            return Task.FromResult(Contact);
        }

        public Task<IReadOnlyList<ListedProduct>> LookUpAsync(
            Guid? priceListId, IReadOnlyCollection<string> itemNumbers, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
        {
            var comparer = CaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            return Task.FromResult<IReadOnlyList<ListedProduct>>(
                [.. Products.Values.Where(p => itemNumbers.Contains(p.ItemNumber, comparer) || productIds.Contains(p.ProductId))]);
        }

        // TakenOnInsert: another request's insert of the same id lands between the checks and this one.
        public Task<string?> InsertAsync(PlacedSalesOrder order, CancellationToken cancellationToken)
        {
            if (TakenOnInsert is { } taken)
            {
                _orders[order.SalesOrderId] = taken;
            }

            if (_orders.ContainsKey(order.SalesOrderId))
            {
                return Task.FromResult<string?>(null);
            }

            var number = OrderNumbering.Default.Format(Inserted.Count + 1);
            Inserted.Add(order);
            _orders[order.SalesOrderId] = new StoredSalesOrder(number, order.CustomerAccountId, order.CompanyId, order.ContactPersonId);
            return Task.FromResult<string?>(number);
        }

        public Task<StoredSalesOrder?> FindAsync(Guid salesOrderId, CancellationToken cancellationToken) =>
            Task.FromResult(_orders.GetValueOrDefault(salesOrderId));
    }
}
