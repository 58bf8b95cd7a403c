namespace CustomerPortal.Core;

// transactioncurrency: isocurrencycode, currencysymbol, currencyprecision.
public sealed record Currency(string IsoCode, string Symbol, int Precision);
