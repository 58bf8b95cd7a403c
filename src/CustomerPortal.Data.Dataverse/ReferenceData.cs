using System.Text.Json;
using CustomerPortal.Core;
using CustomerPortal.Core.Products;
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
        CachedAsync("dataverse:currencies", async () => (IReadOnlyDictionary<Guid, Currency>)(await api.GetAllAsync(
                ODataText.Query("transactioncurrencies", ("$select", "transactioncurrencyid,isocurrencycode,currencysymbol,currencyprecision")),
                cancellationToken))
            .ToDictionary(r => r.Id("transactioncurrencyid")!.Value, r => r.ToCurrency()));

    // uom id → msdyn_symbol, the Supply Chain Management unit symbol.
    public Task<IReadOnlyDictionary<Guid, string>> UnitsAsync(CancellationToken cancellationToken) =>
        CachedAsync("dataverse:units", async () => (IReadOnlyDictionary<Guid, string>)(await api.GetAllAsync(
                ODataText.Query("uoms", ("$select", "uomid,msdyn_symbol")), cancellationToken))
            .ToDictionary(r => r.Id("uomid")!.Value, r => r.Text("msdyn_symbol")));

    public async Task<PriceList?> PriceListAsync(Guid? priceListId, CancellationToken cancellationToken)
    {
        if (priceListId is not { } id)
        {
            return null;
        }

        var all = await CachedAsync("dataverse:pricelists", async () => (IReadOnlyDictionary<Guid, PriceList>)(await api.GetAllAsync(
                ODataText.Query("pricelevels", ("$select", "pricelevelid,name,_transactioncurrencyid_value")), cancellationToken))
            .ToDictionary(r => r.Id("pricelevelid")!.Value, r => new PriceList(r.Id("pricelevelid")!.Value, r.Text("name"), r.Id("_transactioncurrencyid_value"))));
        return all.GetValueOrDefault(id);
    }

    // (product, unit) → price and currency on one price list.
    public Task<IReadOnlyDictionary<(Guid ProductId, Guid UnitId), (decimal Amount, Guid? CurrencyId)>> PricesAsync(Guid priceListId, CancellationToken cancellationToken) =>
        CachedAsync("dataverse:prices:" + priceListId, async () =>
        {
            var rows = await api.GetAllAsync(ODataText.Query("productpricelevels",
                ("$select", "_productid_value,_uomid_value,amount,_transactioncurrencyid_value"),
                ("$filter", $"_pricelevelid_value eq {ODataText.Guid(priceListId)}")), cancellationToken);
            var prices = new Dictionary<(Guid, Guid), (decimal, Guid?)>();
            foreach (var row in rows)
            {
                if (row.Id("_productid_value") is { } product && row.Id("_uomid_value") is { } unit)
                {
                    prices.TryAdd((product, unit), (row.Dec("amount") ?? 0, row.Id("_transactioncurrencyid_value")));
                }
            }

            return (IReadOnlyDictionary<(Guid, Guid), (decimal, Guid?)>)prices;
        });

    // Product facts by id, one request for all the ids not cached yet.
    public async Task<IReadOnlyDictionary<Guid, ProductFacts>> ProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, ProductFacts>();
        var missing = new List<Guid>();
        foreach (var id in ids.Distinct())
        {
            if (cache.TryGetValue("dataverse:product:" + id, out ProductFacts? facts) && facts is not null)
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
            cache.Set("dataverse:product:" + product.ProductId, product, Lifetime);
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

internal sealed record PriceList(Guid PriceListId, string Name, Guid? CurrencyId);

internal sealed record ProductFacts(
    Guid ProductId, string ItemNumber, string Name, string? Description, ProductState State, Guid UnitId, string Unit, int QuantityDecimals);
