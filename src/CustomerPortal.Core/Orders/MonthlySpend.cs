namespace CustomerPortal.Core.Orders;

// One bar of the dashboard's spend chart: what the scope ordered in one month, in one currency.
public sealed record MonthlySpend(int Year, int Month, Currency Currency, decimal Total, int OrderCount);
