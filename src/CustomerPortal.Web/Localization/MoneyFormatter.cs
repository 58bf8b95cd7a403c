using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using CustomerPortal.Core;

namespace CustomerPortal.Web.Localization;

// Amounts are shown in the order's (or price list's) currency, laid out the way the reader's
// culture writes money: "€1,234.56" for en-US, "1 234,56 €" for fr-FR, and no decimals for JPY or KRW.
public static class MoneyFormatter
{
    // ISO 4217 minor units that are not 2. The decimals belong to the currency, not to the reader's culture
    // (ko-KR writes won without decimals, but a Korean reading a EUR order still sees cents), nor to
    // transactioncurrency.currencyprecision, which Dataverse sets to 2 for any currency unless someone changed it.
    private static readonly FrozenDictionary<string, int> MinorUnitsNotTwo = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // The ISO codes .NET knows as some region's currency: for them the ISO minor units hold.
    private static readonly Lazy<FrozenSet<string>> IsoCodes = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => { try { return new RegionInfo(culture.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>().ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    public static int DecimalsOf(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var code = currency.IsoCode?.Trim() ?? "";
        return MinorUnitsNotTwo.TryGetValue(code, out var units) ? units
            : IsoCodes.Value.Contains(code) ? 2
            : Math.Clamp(currency.Precision, 0, 10);
    }

    public static string Format(decimal amount, Currency currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(culture);

        var symbol = string.IsNullOrEmpty(currency.Symbol) ? currency.IsoCode : currency.Symbol;
        return amount.ToString("C", FormatFor(culture, symbol, DecimalsOf(currency)));
    }

    // A list formats every row's amount: the culture's number format is cloned once per culture instance, symbol
    // and decimals (a handful per portal), not once per amount. Keyed on the culture's NumberFormatInfo object, so a
    // culture someone built with other separators gets its own entry.
    private static readonly ConditionalWeakTable<NumberFormatInfo, ConcurrentDictionary<(string Symbol, int Decimals), NumberFormatInfo>> Formats = new();

    private static NumberFormatInfo FormatFor(CultureInfo culture, string symbol, int decimals)
    {
        var perCulture = Formats.GetValue(culture.NumberFormat, _ => new());
        if (perCulture.TryGetValue((symbol, decimals), out var format))
        {
            return format;
        }

        // Count takes every lock of the dictionary: only on the way to adding, never on the way to reading.
        return perCulture.Count > 100
            ? Clone(culture, symbol, decimals)
            : perCulture.GetOrAdd((symbol, decimals), key => NumberFormatInfo.ReadOnly(Clone(culture, key.Symbol, key.Decimals)));
    }

    private static NumberFormatInfo Clone(CultureInfo culture, string symbol, int decimals)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = symbol;
        format.CurrencyDecimalDigits = decimals;
        return format;
    }

    public static string Format(decimal amount, Currency currency) => Format(amount, currency, CultureInfo.CurrentCulture);
}
