using System.ComponentModel;
using CustomerPortal.Core;
using CustomerPortal.DualWrite;
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
        (await CachedAsync("dataverse:currencies", async ct => new Snapshot<IReadOnlyDictionary<Guid, Currency>>((await api.AllRowsAsync<CurrencyRow>(
                ODataText.Query("transactioncurrencies", ("$select", DataverseRows.Select<CurrencyRow>())), ct))
            .ToDictionary(c => c.CurrencyId, Records.Compiled(Records.Currency))), cancellationToken)).Value;

    public async Task<IReadOnlyDictionary<Guid, UnitRow>> UnitsAsync(CancellationToken cancellationToken) =>
        (await CachedAsync("dataverse:units", async ct => new Snapshot<IReadOnlyDictionary<Guid, UnitRow>>((await api.AllRowsAsync<UnitRow>(
                ODataText.Query("uoms", ("$select", DataverseRows.Select<UnitRow>())), ct))
            .ToDictionary(u => u.UnitId)), cancellationToken)).Value;

    public async Task<PriceListRow?> PriceListAsync(Guid? priceListId, CancellationToken cancellationToken)
    {
        if (priceListId is not { } id)
        {
            return null;
        }

        var all = await CachedAsync("dataverse:pricelists", async ct => new Snapshot<IReadOnlyDictionary<Guid, PriceListRow>>((await api.AllRowsAsync<PriceListRow>(
                ODataText.Query("pricelevels", ("$select", DataverseRows.Select<PriceListRow>())), ct))
            .ToDictionary(p => p.PriceListId)), cancellationToken);
        return all.Value.GetValueOrDefault(id);
    }

    // (product, unit) → price and currency on one price list.
    public async Task<PriceTable> PricesAsync(Guid priceListId, CancellationToken cancellationToken) =>
        await CachedAsync("dataverse:prices:" + priceListId, async ct => new PriceTable([.. (await api.AllRowsAsync<PriceListItemRow>(ODataText.Query("productpricelevels",
                ("$select", DataverseRows.Select<PriceListItemRow>()),
                ("$filter", $"_pricelevelid_value eq {ODataText.Guid(priceListId)}")), ct))
            .Select(item => new ListedPrice(item.ProductId, item.UnitId, item.Amount, item.CurrencyId))]),
            cancellationToken);

    // Products by id with their default unit, one request for all the ids not cached yet.
    public async Task<IReadOnlyDictionary<Guid, ProductRow>> ProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, ProductRow>();
        var missing = new List<Guid>();
        foreach (var id in ids.Distinct())
        {
            if (await cache.GetOrCreateAsync<Snapshot<ProductRow>?>(ProductKey(id), _ => ValueTask.FromResult<Snapshot<ProductRow>?>(null), LookUpOnly, cancellationToken: cancellationToken) is { } cached)
            {
                found[id] = cached.Value;
            }
            else
            {
                missing.Add(id);
            }
        }

        foreach (var chunk in missing.Chunk(50))
        {
            var filter = string.Join(" or ", chunk.Select(id => $"productid eq {ODataText.Guid(id)}"));
            foreach (var product in await QueryProductsAsync(filter, cancellationToken))
            {
                found[product.ProductId] = product;
            }
        }

        return found;
    }

    // Products matching a filter, remembered by id for the next look-up.
    public async Task<List<ProductRow>> QueryProductsAsync(string filter, CancellationToken cancellationToken)
    {
        var products = await api.AllRowsAsync<ProductRow>(ODataText.Query("products",
            ("$select", DataverseRows.Select<ProductRow>()),
            ("$filter", filter),
            ("$expand", ProductExpand)), cancellationToken);
        foreach (var product in products)
        {
            await cache.SetAsync(ProductKey(product.ProductId), new Snapshot<ProductRow>(product), Lifetime, cancellationToken: cancellationToken);
        }

        return products;
    }

    public static readonly string ProductExpand = DataverseRows.Expand<ProductRow>("defaultuomid");

    private static string ProductKey(Guid productId) => "dataverse:product:" + productId;

    private ValueTask<T> CachedAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(key, load, static async (load, ct) => await load(ct), Lifetime, cancellationToken: cancellationToken);
}

// HybridCache hands out the cached instance itself only for sealed types marked immutable; anything else it
// deserializes anew on every hit. What is inside (dictionaries, rows) is built once and never changed.
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

    // The price in the product's default unit: the unit every portal line is ordered in.
    public (decimal Amount, Guid? CurrencyId)? InDefaultUnit(ProductRow product) =>
        _byProductAndUnit.TryGetValue((product.ProductId, product.DefaultUnitId), out var price) ? price : null;
}

internal sealed record ListedPrice(Guid ProductId, Guid UnitId, decimal Amount, Guid? CurrencyId);
