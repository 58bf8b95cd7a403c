using CustomerPortal.Core;
using CustomerPortal.DualWrite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Data.Dataverse;

// Reference data the pages need again and again, cached for a bounded time (DataverseOptions.ReferenceDataLifetime):
// currencies, price lists, the prices of a price list, and the facts of products by id. A change in
// Dataverse shows after at most that long; customer data (orders, contacts, accounts) is never cached.
internal sealed class ReferenceData(DataverseWebApi api, IMemoryCache cache, IOptions<DataverseOptions> options)
{
    private TimeSpan Lifetime => options.Value.ReferenceDataLifetime;

    public Task<IReadOnlyDictionary<Guid, Currency>> CurrenciesAsync(CancellationToken cancellationToken) =>
        CachedAsync("dataverse:currencies", async () => (IReadOnlyDictionary<Guid, Currency>)(await ReadAllAsync<CurrencyRow>(
                ODataText.Query("transactioncurrencies", ("$select", DataverseRows.Select<CurrencyRow>())), cancellationToken))
            .ToDictionary(c => c.CurrencyId, CompiledRecords.Currency));

    public Task<IReadOnlyDictionary<Guid, UnitRow>> UnitsAsync(CancellationToken cancellationToken) =>
        CachedAsync("dataverse:units", async () => (IReadOnlyDictionary<Guid, UnitRow>)(await ReadAllAsync<UnitRow>(
                ODataText.Query("uoms", ("$select", DataverseRows.Select<UnitRow>())), cancellationToken))
            .ToDictionary(u => u.UnitId));

    public async Task<PriceListRow?> PriceListAsync(Guid? priceListId, CancellationToken cancellationToken)
    {
        if (priceListId is not { } id)
        {
            return null;
        }

        var all = await CachedAsync("dataverse:pricelists", async () => (IReadOnlyDictionary<Guid, PriceListRow>)(await ReadAllAsync<PriceListRow>(
                ODataText.Query("pricelevels", ("$select", DataverseRows.Select<PriceListRow>())), cancellationToken))
            .ToDictionary(p => p.PriceListId));
        return all.GetValueOrDefault(id);
    }

    // (product, unit) → price and currency on one price list.
    public Task<IReadOnlyDictionary<(Guid ProductId, Guid UnitId), (decimal Amount, Guid? CurrencyId)>> PricesAsync(Guid priceListId, CancellationToken cancellationToken) =>
        CachedAsync("dataverse:prices:" + priceListId, async () =>
        {
            var items = await ReadAllAsync<PriceListItemRow>(ODataText.Query("productpricelevels",
                ("$select", DataverseRows.Select<PriceListItemRow>()),
                ("$filter", $"_pricelevelid_value eq {ODataText.Guid(priceListId)}")), cancellationToken);
            var prices = new Dictionary<(Guid, Guid), (decimal, Guid?)>();
            foreach (var item in items)
            {
                prices.TryAdd((item.ProductId, item.UnitId), (item.Amount, item.CurrencyId));
            }

            return (IReadOnlyDictionary<(Guid, Guid), (decimal, Guid?)>)prices;
        });

    // Products by id with their default unit, one request for all the ids not cached yet.
    public async Task<IReadOnlyDictionary<Guid, ProductRow>> ProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, ProductRow>();
        var missing = new List<Guid>();
        foreach (var id in ids.Distinct())
        {
            if (cache.TryGetValue("dataverse:product:" + id, out ProductRow? product) && product is not null)
            {
                found[id] = product;
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
        var products = await ReadAllAsync<ProductRow>(ODataText.Query("products",
            ("$select", DataverseRows.Select<ProductRow>()),
            ("$filter", filter),
            ("$expand", ProductExpand)), cancellationToken);
        foreach (var product in products)
        {
            cache.Set("dataverse:product:" + product.ProductId, product, Lifetime);
        }

        return products;
    }

    public static readonly string ProductExpand = DataverseRows.Expand<ProductRow>("defaultuomid");

    private async Task<List<TRow>> ReadAllAsync<TRow>(string url, CancellationToken cancellationToken) where TRow : class =>
        [.. (await api.GetAllAsync(url, cancellationToken)).Select(DataverseRows.Read<TRow>)];

    // The task is cached, not its result: requests that miss together share one load instead of each
    // paging through the same reference data against the throttling budget. A failed load is not kept.
    private async Task<T> CachedAsync<T>(string key, Func<Task<T>> load)
        where T : class
    {
        var loading = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return load();
        })!;

        try
        {
            return await loading;
        }
        catch
        {
            cache.Remove(key);
            throw;
        }
    }
}
