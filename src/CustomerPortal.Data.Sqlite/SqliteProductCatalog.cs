using CustomerPortal.Core;
using CustomerPortal.Core.Products;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

// string.Compare inside queries is translated to SQL, where SQLite compares with its binary collation;
// the StringComparison overloads have no translation.
#pragma warning disable CA1309

namespace CustomerPortal.Data.Sqlite;

internal sealed class SqliteProductCatalog(MirrorDbContext db) : IProductCatalog
{
    private const string Sort = "ItemNumber";

    public async Task<ResultPage<CatalogProduct>> SearchAsync(CustomerScope scope, ProductQuery query, CancellationToken cancellationToken)
    {
        var pageSize = PageSize.Normalize(query.PageSize);
        var currency = scope.PriceListId is { } priceListId
            ? await PriceListCurrency.For(db)(db, priceListId, cancellationToken)
            : null;

        // Every product number matches "%" and sorts after "", so the unfiltered list and the first page are the
        // same statement as a search and a later page: one compiled statement, one plan (item number order).
        var pattern = query.SearchText is { } search ? LikePattern.Contains(search) : "%";
        var after = KeysetToken.TryRead(query.ContinuationToken, Sort, out _, out var lastItemNumber) ? lastItemNumber : "";
        var rows = await CatalogPage.For(db)(db, scope.PriceListId, pattern, after, pageSize + 1).ToListAsync(cancellationToken);

        var items = rows
            .Take(pageSize)
            .Select(p => Records.CatalogProduct(p.Product, p.Price, currency))
            .ToList();

        var token = rows.Count > pageSize ? KeysetToken.Create(Sort, "", items[^1].ItemNumber) : null;
        return new ResultPage<CatalogProduct>(items, token);
    }

    // The catalogue's two statements, compiled once (as the order page's, Mirror/ScopedQuery.cs): it is one of the
    // busiest pages, and EF Core otherwise walks and looks up each statement's expression tree on every search.
    private static readonly CompiledPerModel<Func<MirrorDbContext, Guid, CancellationToken, Task<Currency?>>> PriceListCurrency = new(() =>
        EF.CompileAsyncQuery((MirrorDbContext db, Guid priceListId, CancellationToken cancellationToken) => db.PriceLists
            .Where(p => p.PriceListId == priceListId)
            .Select(p => p.Currency!)
            .Select(Records.Currency)
            .SingleOrDefault()));

    private static readonly CompiledPerModel<Func<MirrorDbContext, Guid?, string, string, int, IAsyncEnumerable<CatalogRow>>> CatalogPage = new(() =>
        EF.CompileAsyncQuery((MirrorDbContext db, Guid? priceListId, string pattern, string after, int take) => db.Products
            .Where(p => p.State == ProductState.Active)
            .Where(p => EF.Functions.Like(p.ScmProductNumber, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(p.Name, pattern, LikePattern.EscapeCharacter))
            .Where(p => string.Compare(p.ScmProductNumber, after) > 0)
            .OrderBy(p => p.ScmProductNumber)
            .Take(take)
            .Select(Records.CatalogColumns)
            .Select(p => new CatalogRow(
                p,
                db.PriceListItems
                    .Where(i => i.PriceListId == priceListId && i.ProductId == p.ProductId && i.UnitId == p.DefaultUnitId)
                    .Select(i => (decimal?)i.Amount)
                    .FirstOrDefault()))));

    private sealed record CatalogRow(ProductRow Product, decimal? Price);
}
