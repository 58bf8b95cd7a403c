using CustomerPortal.Core;
using CustomerPortal.Core.Products;

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
            ("$select", ReferenceData.ProductSelect),
            ("$filter", filter),
            ("$orderby", "msdyn_productnumber asc"),
            ("$expand", "defaultuomid($select=msdyn_symbol)"));
        var fingerprint = string.Join("|", "products", url, pageSize);
        var next = tokens.Unprotect(query.ContinuationToken, fingerprint, EntitySet);

        var priceList = await reference.PriceListAsync(scope.PriceListId, cancellationToken);
        var prices = priceList is null ? null : await reference.PricesAsync(priceList.PriceListId, cancellationToken);
        var currency = priceList?.CurrencyId is { } currencyId ? (await reference.CurrenciesAsync(cancellationToken)).GetValueOrDefault(currencyId) : null;

        using var page = await api.GetAsync(next ?? url, pageSize, formattedValues: false, cancellationToken);
        var items = page.RootElement.Rows().Select(ReferenceData.ToProduct).Select(p =>
        {
            decimal? price = prices is not null && prices.TryGetValue((p.ProductId, p.UnitId), out var listed) ? listed.Amount : null;
            return new CatalogProduct(p.ProductId, p.ItemNumber, p.Name, p.Description, p.Unit, p.QuantityDecimals, price, price is null ? null : currency);
        }).ToList();
        var nextLink = DataverseWebApi.NextLink(page.RootElement);
        return new ResultPage<CatalogProduct>(items, nextLink is null || items.Count == 0 ? null : tokens.Protect(fingerprint, nextLink));
    }
}
