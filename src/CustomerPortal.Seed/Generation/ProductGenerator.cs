using System.Globalization;
using Bogus;
using CustomerPortal.Core.Products;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// The released products (product), with US dollar list prices. Item numbers are a category letter and
// five digits (A00012 audio, T televisions, C cables, M mounts, S speakers, X accessories).
internal static class ProductGenerator
{
    private const double ActiveShare = 0.94;
    private const double RetiredShare = 0.04;

    public static List<SeedProduct> Generate(SeedProfile profile, IReadOnlyList<SeedUnit> units, CurrencyRow usDollar, PriceListRow usStandardPrices)
    {
        var faker = new Faker(profile.Locale) { Random = new Randomizer(SeedIds.RandomSeed(profile.RandomSeed, SeedStream.ProductDraws)) };
        var categories = ProductCatalog.Categories;
        var totalShare = categories.Sum(c => c.Share);
        var lastNumber = new int[categories.Count];
        // Every price list carries the first products, so an order can always fill its largest line count
        // with distinct products however small the catalogue (see SeedProfileValidator).
        var coreRange = profile.Counts.LinesPerOrder.Max;

        var products = new List<SeedProduct>(profile.Counts.Products);
        for (var index = 0; index < profile.Counts.Products; index++)
        {
            var categoryIndex = PickCategory(faker.Random.Int(0, totalShare - 1));
            var category = categories[categoryIndex];
            var line = faker.PickRandom<ProductLine>(category.Lines);
            var brand = faker.PickRandom<string>(ProductCatalog.Brands);
            var series = faker.PickRandom<string>(ProductCatalog.Series);
            var variant = faker.PickRandom<string>(line.Variants);
            var colour = line.ComesInColours && faker.Random.Bool(0.4f) ? Capitalised(faker.Commerce.Color()) : null;
            var features = faker.PickRandom<string>(category.Features, 2).ToArray();
            var listPrice = ListPrice(line, faker.Random.Double());
            var costShare = (decimal)faker.Random.Double(0.55, 0.75);
            var state = index < coreRange ? ProductState.Active : DrawState(faker.Random.Double());
            var unit = units[UnitCatalog.IndexOf(line.UnitSymbol)];
            var itemNumber = string.Create(CultureInfo.InvariantCulture, $"{category.Letter}{++lastNumber[categoryIndex]:D5}");
            var name = string.Join(' ', new[] { brand, series, line.Noun, variant }.Where(part => part.Length > 0))
                + (colour is null ? "" : ", " + colour);

            products.Add(new SeedProduct(new ProductRow
            {
                ProductId = SeedIds.For(profile.RandomSeed, SeedStream.ProductId, index),
                Name = name,
                ProductNumber = itemNumber,
                ScmProductNumber = itemNumber,
                ItemNumber = itemNumber,
                Description = $"{line.Noun} from the {brand} {series} range. {features[0]}. {features[1]}.",
                DefaultUnitId = unit.Row.UnitId,
                ListPrice = listPrice,
                CurrentCost = Math.Round(listPrice * costShare, 2, MidpointRounding.AwayFromZero),
                CurrencyId = usDollar.CurrencyId,
                DefaultPriceListId = usStandardPrices.PriceListId,
                QuantityDecimals = unit.QuantityDecimals,
                ProductTypeCode = 1,
                ProductStructure = 1,
                IsStocked = faker.Random.Bool(0.9f),
                State = state,
                StatusCode = state switch
                {
                    ProductState.Active => 1,
                    ProductState.Retired => 2,
                    _ => 0,
                },
            }, unit));
        }

        return products;

        int PickCategory(int ticket)
        {
            for (var i = 0; i < categories.Count; i++)
            {
                ticket -= categories[i].Share;
                if (ticket < 0)
                {
                    return i;
                }
            }

            return categories.Count - 1;
        }
    }

    // Log-uniform, so there are as many products between 10 and 100 dollars as between 100 and 1,000;
    // above ten dollars prices end in .99 the way price lists do.
    private static decimal ListPrice(ProductLine line, double draw)
    {
        var price = Math.Exp(Math.Log(line.MinPrice) + draw * (Math.Log(line.MaxPrice) - Math.Log(line.MinPrice)));
        return price >= 10
            ? Math.Round((decimal)price, 0, MidpointRounding.AwayFromZero) - 0.01m
            : Math.Round((decimal)price, 2, MidpointRounding.AwayFromZero);
    }

    private static ProductState DrawState(double draw) => draw switch
    {
        < ActiveShare => ProductState.Active,
        < ActiveShare + RetiredShare => ProductState.Retired,
        _ => ProductState.Draft,
    };

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
