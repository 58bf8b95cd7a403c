using System.Net;
using System.Text.Json;
using CustomerPortal.Data.Dataverse;
using CustomerPortal.DualWrite;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Tests.Dataverse;

// Cache:Redis: several portal instances share the reference data through HybridCache's second level, where
// every cached value is serialized. A value that does not survive that trip would come back empty or
// half-filled on the second instance only, so each kind of reference data is read back there and compared.
public sealed class ReferenceDataSecondLevelTests
{
    private static readonly Guid CurrencyId = Guid.Parse("ffffffff-0000-0000-0000-000000000008");
    private static readonly Guid UnitId = Guid.Parse("ffffffff-0000-0000-0000-000000000007");
    private static readonly Guid ProductId = Guid.Parse("ffffffff-0000-0000-0000-000000000006");
    private static readonly Guid PriceListId = Guid.Parse("ffffffff-0000-0000-0000-000000000009");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondInstanceReadsEveryKindOfReferenceDataFromTheSharedSecondLevelWithoutAskingDataverse()
    {
        var shared = new SharedSecondLevel();
        using var first = new StubWebApi(r => r.Url.AbsolutePath.Split('/')[^1] switch
        {
            "transactioncurrencies" => Page(DataverseRows.Write(new CurrencyRow { CurrencyId = CurrencyId, IsoCode = "EUR", Symbol = "€", Precision = 2 })),
            "uoms" => Page(DataverseRows.Write(new UnitRow { UnitId = UnitId, Name = "Each", Symbol = "ea" })),
            "pricelevels" => Page(DataverseRows.Write(new PriceListRow
            {
                PriceListId = PriceListId, Name = "Retail", CurrencyId = CurrencyId, BeginDate = new DateOnly(2024, 1, 1), StateCode = 0,
            })),
            "productpricelevels" => Page(DataverseRows.Write(new PriceListItemRow { ProductId = ProductId, UnitId = UnitId, Amount = 2.75m, CurrencyId = CurrencyId })),
            "products" => Page(DataverseRows.Write(new ProductRow
            {
                ProductId = ProductId, ScmProductNumber = "A1", ItemNumber = "A1", Name = "Bolt", Description = "M8 bolt", QuantityDecimals = 1,
                DefaultUnitId = UnitId, DefaultUnit = new UnitRow { UnitId = UnitId, Name = "Each", Symbol = "ea" }, CurrencyId = CurrencyId,
            })),
            _ => StubWebApi.Error(HttpStatusCode.NotFound),
        }, secondLevel: shared);
        // HybridCache dates the shared entries by the adapter's clock; the memory stand-in for Redis reads the real one.
        first.Time.SetUtcNow(DateTimeOffset.UtcNow);
        var loaded = await ReadEverythingAsync(first.Get<ReferenceData>());
        Assert.Contains("\"Symbol\":\"ea\"", loaded, StringComparison.Ordinal);

        // Not retried: a request reaching this instance's Dataverse fails the read at once.
        using var second = new StubWebApi(_ => StubWebApi.Error(HttpStatusCode.BadRequest, "0x80060888", "not expected"), secondLevel: shared);
        second.Time.SetUtcNow(DateTimeOffset.UtcNow);
        var read = await ReadEverythingAsync(second.Get<ReferenceData>());

        Assert.Empty(second.Requests);
        Assert.Equal(loaded, read);
    }

    // Every cached kind, as the pages use it; the price table by its look-up, which lives outside its serialized rows.
    private static async Task<string> ReadEverythingAsync(ReferenceData reference)
    {
        var products = await reference.ProductsAsync([ProductId], Ct);
        var prices = await reference.PricesAsync(PriceListId, Ct);
        return JsonSerializer.Serialize(new
        {
            Currencies = await reference.CurrenciesAsync(Ct),
            Units = await reference.UnitsAsync(Ct),
            PriceList = await reference.PriceListAsync(PriceListId, Ct),
            prices.Rows,
            InDefaultUnit = prices.InDefaultUnit(products[ProductId])?.ToString(),
            Products = products,
        });
    }

    private static HttpResponseMessage Page(string rows) => StubWebApi.Json($$"""{"@odata.context":"x","value":[{{rows}}]}""");

    // Redis's stand-in. A wrapper: HybridCache ignores a MemoryDistributedCache, which would only repeat its own first level.
    private sealed class SharedSecondLevel : IDistributedCache
    {
        private readonly MemoryDistributedCache _entries = new(Options.Create(new MemoryDistributedCacheOptions()));

        public byte[]? Get(string key) => _entries.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _entries.GetAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _entries.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => _entries.SetAsync(key, value, options, token);

        public void Refresh(string key) => _entries.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _entries.RefreshAsync(key, token);

        public void Remove(string key) => _entries.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _entries.RemoveAsync(key, token);
    }
}
