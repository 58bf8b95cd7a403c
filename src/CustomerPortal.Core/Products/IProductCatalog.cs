namespace CustomerPortal.Core.Products;

public interface IProductCatalog
{
    // Active products whose item number or name contains the search text, by item number.
    Task<ResultPage<CatalogProduct>> SearchAsync(CustomerScope scope, ProductQuery query, CancellationToken cancellationToken);
}
