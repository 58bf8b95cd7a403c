namespace CustomerPortal.Seed.Generation;

// A transactioncurrency row to be. ExchangeRate is units of this currency per US dollar, the base currency.
internal sealed record CurrencyTemplate(string IsoCode, string Name, string Symbol, int Precision, decimal ExchangeRate);
