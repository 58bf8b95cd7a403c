using CustomerPortal.Core.Products;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// Legal entities, their currencies, units, products and two price lists per currency in use.
internal static class ReferenceDataGenerator
{
    private const decimal KeyAccountFactor = 0.92m;
    private const double PriceListCoverage = 0.95;

    public static ReferenceData Generate(SeedProfile profile)
    {
        var seed = profile.RandomSeed;
        var units = UnitCatalog.All
            .Select((unit, i) => new SeedUnit(new UnitRow { UnitId = SeedIds.For(seed, SeedStream.UnitId, i), Name = unit.Name, Symbol = unit.Symbol }, unit.Decimals))
            .ToList();

        var templates = LegalEntityCatalog.All.Take(profile.Counts.Companies).ToList();
        var currencyTemplates = templates.Select(t => t.Currency).Distinct().ToList();
        var currencies = currencyTemplates
            .Select((c, i) => new CurrencyRow
            {
                CurrencyId = SeedIds.For(seed, SeedStream.CurrencyId, i),
                IsoCode = c.IsoCode,
                Name = c.Name,
                Symbol = c.Symbol,
                Precision = c.Precision,
                ExchangeRate = c.ExchangeRate,
            })
            .ToList();

        // Standard and key-account lists alternate: price list 2c is currency c's standard list.
        var validFrom = new DateOnly(profile.ReferenceDate.Year - 2, 1, 1);
        var priceListRows = currencies
            .SelectMany(currency => new[] { (currency, Name: "Standard"), (currency, Name: "Key accounts") })
            .Select((list, i) => new PriceListRow
            {
                PriceListId = SeedIds.For(seed, SeedStream.PriceListId, i),
                Name = $"{list.currency.IsoCode} {list.Name}",
                CurrencyId = list.currency.CurrencyId,
                BeginDate = validFrom,
                StateCode = 0,
            })
            .ToList();

        var products = ProductGenerator.Generate(profile, units, currencies[0], priceListRows[0]);

        var priceListItems = new List<PriceListItemRow>();
        var priceLists = new List<SeedPriceList>();
        for (var listIndex = 0; listIndex < priceListRows.Count; listIndex++)
        {
            var currency = currencies[listIndex / 2];
            var factor = listIndex % 2 == 0 ? 1m : KeyAccountFactor;
            var sellable = PriceProducts(profile, listIndex, priceListRows[listIndex], currency, factor, products, priceListItems);
            priceLists.Add(new SeedPriceList(priceListRows[listIndex], currency, sellable));
        }

        var companies = templates
            .Select((template, i) =>
            {
                var currencyIndex = currencyTemplates.IndexOf(template.Currency);
                return new SeedCompany(
                    template,
                    new CompanyRow { CompanyId = SeedIds.For(seed, SeedStream.CompanyId, i), Code = template.Code, Name = template.Name },
                    currencies[currencyIndex],
                    priceLists[currencyIndex * 2],
                    priceLists[currencyIndex * 2 + 1])
                {
                    DeliveryModes = DeliveryModeCatalog.For(seed, i, new CompanyRow { CompanyId = SeedIds.For(seed, SeedStream.CompanyId, i) }),
                };
            })
            .ToList();

        return new ReferenceData(companies, currencies, units, priceLists, products, priceListItems);
    }

    // About 95% of the active products, priced from the dollar list price at the currency's exchange
    // rate and rounded to the currency's precision (whole yen).
    private static List<SellableProduct> PriceProducts(
        SeedProfile profile, int listIndex, PriceListRow priceList, CurrencyRow currency, decimal factor,
        List<SeedProduct> products, List<PriceListItemRow> items)
    {
        var coverage = new Random(SeedIds.RandomSeed(profile.RandomSeed, SeedStream.PriceListCoverageDraws, listIndex));
        var coreRange = profile.Counts.LinesPerOrder.Max;
        var sellable = new List<SellableProduct>();
        for (var productIndex = 0; productIndex < products.Count; productIndex++)
        {
            // One draw per product whatever its state, so a product's state never moves another's coverage.
            var listed = coverage.NextDouble() < PriceListCoverage || productIndex < coreRange;
            var product = products[productIndex];
            if (!listed || product.Row.State != ProductState.Active)
            {
                continue;
            }

            var amount = Math.Round(product.Row.ListPrice * currency.ExchangeRate * factor, currency.Precision, MidpointRounding.AwayFromZero);
            items.Add(new PriceListItemRow
            {
                PriceListItemId = SeedIds.For(profile.RandomSeed, SeedStream.PriceListItemId, listIndex, productIndex),
                PriceListId = priceList.PriceListId,
                ProductId = product.Row.ProductId,
                UnitId = product.Row.DefaultUnitId,
                Amount = amount,
                CurrencyId = currency.CurrencyId,
            });
            sellable.Add(new SellableProduct(product, amount));
        }

        return sellable;
    }
}
