using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Core.Products;

namespace CustomerPortal.Tests.Ordering;

public sealed class OrderingRulesTests
{
    private static readonly Currency Dollar = new("USD", "$", 2);
    private static readonly Currency Yen = new("JPY", "¥", 0);

    [Theory]
    [InlineData(3, 19.99, 59.97)]
    [InlineData(0.333, 10, 3.33)]
    [InlineData(0.335, 1, 0.34)]
    [InlineData(1.005, 1, 1.01)]
    public void LineAmountsRoundToCentsAwayFromZero(decimal quantity, decimal price, decimal expected) =>
        Assert.Equal(expected, OrderingRules.LineAmount(quantity, price, Dollar));

    [Theory]
    [InlineData(3, 1515, 4545)]
    [InlineData(2.5, 151, 378)]
    [InlineData(0.5, 3, 2)]
    public void YenAmountsHaveNoDecimals(decimal quantity, decimal price, decimal expected) =>
        Assert.Equal(expected, OrderingRules.LineAmount(quantity, price, Yen));

    [Theory]
    [InlineData("5", "79228162514264337593543950335")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335", "-79228162514264337593543950335")]
    public void MergingQuantitiesPastTheMaximumIsRefusedAsTooLargeOrNotPositiveWithoutOverflowing(string current, string added)
    {
        var merged = OrderingRules.Merge(decimal.Parse(current, CultureInfo.InvariantCulture), decimal.Parse(added, CultureInfo.InvariantCulture));

        Assert.NotNull(OrderingRules.CheckQuantity(merged, 0));
    }

    [Fact]
    public void MergingOrdinaryQuantitiesAddsThem() => Assert.Equal(7.5m, OrderingRules.Merge(5m, 2.5m));

    [Fact]
    public void TheTotalIsTheSumOfTheRoundedLineAmounts()
    {
        // Unrounded the three lines make 1.005; each rounds to 0.34, so the total shown is 1.02.
        var total = OrderingRules.Total([(0.335m, 1m), (0.335m, 1m), (0.335m, 1m)], Dollar);

        Assert.Equal(1.02m, total);
        Assert.Equal(2m, OrderingRules.Total([(0.5m, 1.4m), (0.5m, 1.4m)], Yen));
    }

    [Theory]
    [InlineData(1, 0, null)]
    [InlineData(12, 0, null)]
    [InlineData(0.5, 0, QuantityProblem.TooManyDecimals)]
    [InlineData(2.5, 1, null)]
    [InlineData(2.55, 1, QuantityProblem.TooManyDecimals)]
    [InlineData(2.125, 3, null)]
    [InlineData(0, 0, QuantityProblem.NotPositive)]
    [InlineData(-1, 0, QuantityProblem.NotPositive)]
    [InlineData(100000, 0, null)]
    [InlineData(100001, 0, QuantityProblem.TooLarge)]
    [InlineData(1.123456, 9, QuantityProblem.TooManyDecimals)]
    public void QuantitiesArePositiveWithinTheUnitsDecimalsAndASaneMaximum(decimal quantity, int decimals, QuantityProblem? expected) =>
        Assert.Equal(expected, OrderingRules.CheckQuantity(quantity, decimals));

    [Fact]
    public void ANewOrderIsActiveNewAndNotYetProcessed()
    {
        Assert.Equal(ProcessingStatus.Active, OrderingRules.NewOrderProcessingStatus);
        Assert.Equal((SalesOrderState.Active, SalesOrderStatusReason.New), OrderingRules.NewOrderStatus);
        Assert.True(OrderStatusRules.IsValidPair(OrderingRules.NewOrderStatus.State, OrderingRules.NewOrderStatus.Reason));
        Assert.Equal(192350000, (int)OrderingRules.NewOrderType);
    }

    [Theory]
    [InlineData(ProductState.Active, true, "USD", "USD", null)]
    [InlineData(ProductState.Active, true, "usd", "USD", null)]
    [InlineData(ProductState.Retired, true, "USD", "USD", ProductRefusal.Retired)]
    [InlineData(ProductState.Draft, true, "USD", "USD", ProductRefusal.NotActive)]
    [InlineData(ProductState.Active, false, null, "USD", ProductRefusal.NotOnPriceList)]
    [InlineData(ProductState.Active, true, "EUR", "USD", ProductRefusal.WrongCurrency)]
    [InlineData(ProductState.Active, true, "USD", null, ProductRefusal.WrongCurrency)]
    public void ProductsAreRefusedWhenRetiredUnlistedOrPricedInAnotherCurrency(
        ProductState state, bool listed, string? priceCurrency, string? orderCurrency, ProductRefusal? expected) =>
        Assert.Equal(expected, OrderingRules.RefusalFor(state, listed, priceCurrency, orderCurrency));

    [Fact]
    public void OrderNumbersCarryThePrefixAndAFixedWidthCounter()
    {
        Assert.Equal("CP-0000042", OrderNumbering.Default.Format(42));
        Assert.Equal(42, OrderNumbering.Default.SequenceOf("CP-0000042"));
        Assert.Null(OrderNumbering.Default.SequenceOf("SO-0000042"));
        Assert.Equal("WEB/0000001", new OrderNumbering("WEB/").Format(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("CP 1")]
    [InlineData("A-VERY-LONG-PREFIX")]
    public void UnsafeOrTooLongPrefixesAreRejected(string prefix) =>
        Assert.Throws<ArgumentException>(() => new OrderNumbering(prefix));

    [Fact]
    public void MissingCompanyOrAccountGoToThePortalAdministratorTheRestToTheSeller()
    {
        Assert.Equal(OrderingContactPoint.PortalAdministrator, MissingOrderingField.For(OrderingField.Company).AskWhom);
        Assert.Equal(OrderingContactPoint.PortalAdministrator, MissingOrderingField.For(OrderingField.CustomerAccount).AskWhom);
        Assert.Equal(OrderingContactPoint.SellerCustomerService, MissingOrderingField.For(OrderingField.PriceList).AskWhom);
        Assert.Equal(OrderingContactPoint.SellerCustomerService, MissingOrderingField.For(OrderingField.Currency).AskWhom);
        Assert.Equal(OrderingContactPoint.SellerCustomerService, MissingOrderingField.For(OrderingField.ShipToCountry).AskWhom);
    }

    [Fact]
    public void AnOrderWithoutLinesOrWithATooLongRequisitionNumberIsRefusedAsAWhole()
    {
        var address = new PostalAddress("1 Main St", null, "Springfield", null, "12345", "United States");
        var empty = new NewSalesOrder(Guid.NewGuid(), new DateOnly(2026, 12, 1), address, new string('R', 21), null, []);

        var refusals = OrderingRules.CheckOrder(empty, new DateOnly(2026, 11, 1)).Select(r => r.Reason).ToList();

        Assert.Equal([SubmitRefusalReason.NoLines, SubmitRefusalReason.TextTooLong], refusals);
    }

    [Fact]
    public void EachLineIsCheckedAgainstTheProductsTheContactMayOrder()
    {
        var orderable = new OrderableProduct(Guid.NewGuid(), "A00001", "Turntable", ProductState.Active, "ea", 0, 100m, Dollar, null);
        var retired = new OrderableProduct(Guid.NewGuid(), "A00002", "Old turntable", ProductState.Retired, "ea", 0, null, null, ProductRefusal.Retired);
        var address = new PostalAddress("1 Main St", null, "Springfield", null, "12345", "United States");
        var order = new NewSalesOrder(Guid.NewGuid(), new DateOnly(2026, 12, 1), address, null, null,
        [
            new NewSalesOrderLine(Guid.NewGuid(), orderable.ProductId, 2),
            new NewSalesOrderLine(Guid.NewGuid(), orderable.ProductId, 1.5m),
            new NewSalesOrderLine(Guid.NewGuid(), retired.ProductId, 1),
            new NewSalesOrderLine(Guid.NewGuid(), Guid.NewGuid(), 1),
        ]);
        var products = new Dictionary<Guid, OrderableProduct> { [orderable.ProductId] = orderable, [retired.ProductId] = retired };

        var refusals = OrderingRules.CheckLines(order, products);

        Assert.Equal(
            [(SubmitRefusalReason.InvalidQuantity, (int?)1), (SubmitRefusalReason.ProductNotOrderable, 2), (SubmitRefusalReason.UnknownProduct, 3)],
            refusals.Select(r => (r.Reason, r.LineIndex)));
        Assert.Equal(ProductRefusal.Retired, refusals[1].Product);
    }

    [Fact]
    public void ALineIsOrderableOnlyWhenItsProductExistsIsPricedAndTheQuantityFitsItsUnit()
    {
        var priced = new OrderableProduct(Guid.NewGuid(), "A00001", "Turntable", ProductState.Active, "ea", 0, 100m, Dollar, null);
        var unpriced = priced with { UnitPrice = null, Currency = null };

        Assert.Null(OrderingRules.CheckLine(priced, 2));
        Assert.Equal(new SubmitRefusal(SubmitRefusalReason.UnknownProduct), OrderingRules.CheckLine(null, 2));
        Assert.Equal(new SubmitRefusal(SubmitRefusalReason.ProductNotOrderable, Product: ProductRefusal.NotOnPriceList), OrderingRules.CheckLine(unpriced, 2));
        Assert.Equal(new SubmitRefusal(SubmitRefusalReason.InvalidQuantity, Quantity: QuantityProblem.TooManyDecimals), OrderingRules.CheckLine(priced, 0.5m));
    }

    [Fact]
    public void AWriteInLineIsNeverOrderedAgainAndSaysSoRatherThanThatItsProductIsGone()
    {
        var priced = new OrderableProduct(Guid.NewGuid(), "A00001", "Turntable", ProductState.Active, "ea", 0, 100m, Dollar, null);
        var productLine = new SalesOrderLine(Guid.NewGuid(), 1, "A00001", "Turntable", 2, "ea", 0, 100m, 0, 200m, OrderLineStatus.Invoiced, null, false, null, null, null, 2, 0, 0);
        var writeIn = productLine with { ItemNumber = "", ProductName = "", IsWriteIn = true, WriteInDescription = "On-site installation, half a day" };

        Assert.Null(OrderingRules.CheckReorder(productLine, priced));
        Assert.Equal(new SubmitRefusal(SubmitRefusalReason.UnknownProduct), OrderingRules.CheckReorder(productLine, null));
        Assert.Equal(new SubmitRefusal(SubmitRefusalReason.WriteInLine), OrderingRules.CheckReorder(writeIn, null));
        // Even a look-up that happened to find something does not turn a write-in line into a product line.
        Assert.Equal(new SubmitRefusal(SubmitRefusalReason.WriteInLine), OrderingRules.CheckReorder(writeIn, priced));
    }
}
