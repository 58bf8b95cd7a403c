using CustomerPortal.Core;
using CustomerPortal.Core.Products;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

// Active products by item number, one request per page; prices and the price list's currency come
// from cached reference data (the price list's items are read once per ReferenceDataLifetime).
internal sealed class DataverseProductCatalog(DataverseWebApi api, ReferenceData reference, NextLinkTokens tokens) : IProductCatalog
{
    private const string EntitySet = "products";

    public async Task<ResultPage<CatalogProduct>> SearchAsync(CustomerScope scope, ProductQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = PageSize.Normalize(query.PageSize);
        var filter = "statecode eq 0";
        if (query.SearchText is { } search)
        {
            var text = ODataText.ContainsLiteral(search);
            filter += $" and (contains(msdyn_productnumber,{text}) or contains(name,{text}))";
        }

        var url = ODataText.Query(EntitySet,
            ("$select", DataverseRows.Select<ProductRow>()),
            ("$filter", filter),
            ("$orderby", "msdyn_productnumber asc"),
            ("$expand", ReferenceData.ProductExpand));
        var fingerprint = string.Join("|", "products", url, pageSize);
        var next = tokens.Unprotect(query.ContinuationToken, fingerprint, EntitySet);

        var priceList = await reference.PriceListAsync(scope.PriceListId, cancellationToken);
        var prices = priceList is null ? null : await reference.PricesAsync(priceList.PriceListId, cancellationToken);
        var currency = priceList?.CurrencyId is { } currencyId ? (await reference.CurrenciesAsync(cancellationToken)).GetValueOrDefault(currencyId) : null;

        using var page = await api.GetAsync(next ?? url, pageSize, cancellationToken);
        var items = DataverseRows.ReadAll<ProductRow>(page.RootElement).Select(p => Records.CatalogProduct(p, prices?.InDefaultUnit(p)?.Amount, currency)).ToList();
        var nextLink = DataverseWebApi.NextLink(page.RootElement);
        return new ResultPage<CatalogProduct>(items, nextLink is null || items.Count == 0 ? null : tokens.Protect(fingerprint, nextLink));
    }
}
