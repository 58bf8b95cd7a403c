using System.ComponentModel;
using System.Text.Json;
using CustomerPortal.Core;
using CustomerPortal.Core.Products;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Data.Dataverse;

// Reference data the pages need again and again, cached for a bounded time (DataverseOptions.ReferenceDataLifetime):
// currencies, price lists, the prices of a price list, and the facts of products by id. A change in
// Dataverse shows after at most that long; customer data (orders, contacts, accounts) is never cached.
// HybridCache lets requests that miss together share one load instead of each paging through the same
// reference data against the throttling budget; a failed load is not kept. Keys start with "dataverse:" and
// carry every argument of the load (the price list's id, the product's id).
internal sealed class ReferenceData(DataverseWebApi api, HybridCache cache, IOptions<DataverseOptions> options)
{
    // Looks a product up without loading it: ProductsAsync loads all the missing ones in one request.
    private static readonly HybridCacheEntryOptions LookUpOnly = new() { Flags = HybridCacheEntryFlags.DisableUnderlyingData };

    private HybridCacheEntryOptions Lifetime => new() { Expiration = options.Value.ReferenceDataLifetime, LocalCacheExpiration = options.Value.ReferenceDataLifetime };

    public async Task<IReadOnlyDictionary<Guid, Currency>> CurrenciesAsync(CancellationToken cancellationToken) =>
        (await CachedAsync("dataverse:currencies", async ct => new Snapshot<IReadOnlyDictionary<Guid, Currency>>((await api.GetAllAsync(
                ODataText.Query("transactioncurrencies", ("$select", "transactioncurrencyid,isocurrencycode,currencysymbol,currencyprecision")), ct))
            .ToDictionary(r => r.Id("transactioncurrencyid")!.Value, r => r.ToCurrency())), cancellationToken)).Value;

    // uom id → msdyn_symbol, the Supply Chain Management unit symbol.
    public async Task<IReadOnlyDictionary<Guid, string>> UnitsAsync(CancellationToken cancellationToken) =>
        (await CachedAsync("dataverse:units", async ct => new Snapshot<IReadOnlyDictionary<Guid, string>>((await api.GetAllAsync(
                ODataText.Query("uoms", ("$select", "uomid,msdyn_symbol")), ct))
            .ToDictionary(r => r.Id("uomid")!.Value, r => r.Text("msdyn_symbol"))), cancellationToken)).Value;

    public async Task<PriceList?> PriceListAsync(Guid? priceListId, CancellationToken cancellationToken)
    {
        if (priceListId is not { } id)
        {
            return null;
        }

        var all = await CachedAsync("dataverse:pricelists", async ct => new Snapshot<IReadOnlyDictionary<Guid, PriceList>>((await api.GetAllAsync(
                ODataText.Query("pricelevels", ("$select", "pricelevelid,name,_transactioncurrencyid_value")), ct))
            .ToDictionary(r => r.Id("pricelevelid")!.Value, r => new PriceList(r.Id("pricelevelid")!.Value, r.Text("name"), r.Id("_transactioncurrencyid_value")))), cancellationToken);
        return all.Value.GetValueOrDefault(id);
    }

    // (product, unit) → price and currency on one price list.
    public async Task<PriceTable> PricesAsync(Guid priceListId, CancellationToken cancellationToken) =>
        await CachedAsync("dataverse:prices:" + priceListId, async ct => new PriceTable([.. (await api.GetAllAsync(ODataText.Query("productpricelevels",
                ("$select", "_productid_value,_uomid_value,amount,_transactioncurrencyid_value"),
                ("$filter", $"_pricelevelid_value eq {ODataText.Guid(priceListId)}")), ct))
            .Where(row => row.Id("_productid_value") is not null && row.Id("_uomid_value") is not null)
            .Select(row => new ListedPrice(row.Id("_productid_value")!.Value, row.Id("_uomid_value")!.Value, row.Dec("amount") ?? 0, row.Id("_transactioncurrencyid_value")))]),
            cancellationToken);

    // Product facts by id, one request for all the ids not cached yet.
    public async Task<IReadOnlyDictionary<Guid, ProductFacts>> ProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, ProductFacts>();
        var missing = new List<Guid>();
        foreach (var id in ids.Distinct())
        {
            if (await cache.GetOrCreateAsync<ProductFacts?>(ProductKey(id), _ => ValueTask.FromResult<ProductFacts?>(null), LookUpOnly, cancellationToken: cancellationToken) is { } facts)
            {
                found[id] = facts;
            }
            else
            {
                missing.Add(id);
            }
        }

        foreach (var chunk in missing.Chunk(50))
        {
            var filter = string.Join(" or ", chunk.Select(id => $"productid eq {ODataText.Guid(id)}"));
            foreach (var facts in await QueryProductsAsync(filter, cancellationToken))
            {
                found[facts.ProductId] = facts;
            }
        }

        return found;
    }

    // Products matching a filter, remembered by id for the next look-up.
    public async Task<List<ProductFacts>> QueryProductsAsync(string filter, CancellationToken cancellationToken)
    {
        var rows = await api.GetAllAsync(ODataText.Query("products",
            ("$select", ProductSelect),
            ("$filter", filter),
            ("$expand", "defaultuomid($select=msdyn_symbol)")), cancellationToken);
        var products = rows.Select(ToProduct).ToList();
        foreach (var product in products)
        {
            await cache.SetAsync(ProductKey(product.ProductId), product, Lifetime, cancellationToken: cancellationToken);
        }

        return products;
    }

    public const string ProductSelect = "productid,msdyn_productnumber,name,description,statecode,quantitydecimal,_defaultuomid_value";

    public static ProductFacts ToProduct(JsonElement row) => new(
        row.Id("productid")!.Value,
        row.Text("msdyn_productnumber"),
        row.Text("name"),
        row.Str("description"),
        (ProductState)(row.Int("statecode") ?? 0),
        row.Id("_defaultuomid_value") ?? default,
        row.Object("defaultuomid")?.Text("msdyn_symbol") ?? "",
        row.Int("quantitydecimal") ?? 0);

    private static string ProductKey(Guid productId) => "dataverse:product:" + productId;

    private ValueTask<T> CachedAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(key, load, static async (load, ct) => await load(ct), Lifetime, cancellationToken: cancellationToken);
}

// HybridCache hands out the cached instance itself only for sealed types marked immutable; anything else it
// deserializes anew on every hit. The dictionaries inside are built once and never changed.
[ImmutableObject(true)]
internal sealed record Snapshot<T>(T Value);

// The prices of one price list, by (product, unit). Serialized as its rows (JSON has no tuple keys).
[ImmutableObject(true)]
internal sealed class PriceTable(IReadOnlyList<ListedPrice> rows)
{
    private readonly Dictionary<(Guid ProductId, Guid UnitId), (decimal Amount, Guid? CurrencyId)> _byProductAndUnit = rows
        .DistinctBy(r => (r.ProductId, r.UnitId))
        .ToDictionary(r => (r.ProductId, r.UnitId), r => (r.Amount, r.CurrencyId));

    public IReadOnlyList<ListedPrice> Rows { get; } = rows;

    public bool TryGetValue((Guid ProductId, Guid UnitId) key, out (decimal Amount, Guid? CurrencyId) price) => _byProductAndUnit.TryGetValue(key, out price);
}

internal sealed record ListedPrice(Guid ProductId, Guid UnitId, decimal Amount, Guid? CurrencyId);

internal sealed record PriceList(Guid PriceListId, string Name, Guid? CurrencyId);

[ImmutableObject(true)]
internal sealed record ProductFacts(
    Guid ProductId, string ItemNumber, string Name, string? Description, ProductState State, Guid UnitId, string Unit, int QuantityDecimals);
