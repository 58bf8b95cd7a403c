using System.Globalization;
using CustomerPortal.Core;

namespace CustomerPortal.Web.Localization;

// Amounts are shown in the order's (or price list's) currency, laid out the way the reader's
// culture writes money: "€1,234.56" for en-US, "1 234,56 €" for fr-FR, and no decimals for JPY.
public static class MoneyFormatter
{
    public static string Format(decimal amount, Currency currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(culture);

        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = string.IsNullOrEmpty(currency.Symbol) ? currency.IsoCode : currency.Symbol;
        format.CurrencyDecimalDigits = Math.Clamp(currency.Precision, 0, 10);
        return amount.ToString("C", format);
    }

    public static string Format(decimal amount, Currency currency) => Format(amount, currency, CultureInfo.CurrentCulture);
}
