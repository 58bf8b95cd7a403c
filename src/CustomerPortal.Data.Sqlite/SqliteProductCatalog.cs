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
        var priceListId = scope.PriceListId;
        var currency = priceListId is null
            ? null
            : await db.PriceLists
                .AsNoTracking()
                .Where(p => p.PriceListId == priceListId)
                .Select(p => p.Currency!)
                .Select(Records.Currency)
                .SingleOrDefaultAsync(cancellationToken);

        var products = db.Products.AsNoTracking().Where(p => p.State == ProductState.Active);

        if (query.SearchText is { } search)
        {
            var pattern = LikePattern.Contains(search);
            products = products.Where(p => EF.Functions.Like(p.ScmProductNumber, pattern, LikePattern.EscapeCharacter)
                || EF.Functions.Like(p.Name, pattern, LikePattern.EscapeCharacter));
        }

        if (KeysetToken.TryRead(query.ContinuationToken, Sort, out _, out var lastItemNumber))
        {
            products = products.Where(p => string.Compare(p.ScmProductNumber, lastItemNumber) > 0);
        }

        var rows = await products
            .OrderBy(p => p.ScmProductNumber)
            .Take(pageSize + 1)
            .Select(Records.CatalogColumns)
            .Select(p => new
            {
                Product = p,
                Price = db.PriceListItems
                    .Where(i => i.PriceListId == priceListId && i.ProductId == p.ProductId && i.UnitId == p.DefaultUnitId)
                    .Select(i => (decimal?)i.Amount)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var items = rows
            .Take(pageSize)
            .Select(p => Records.CatalogProduct(p.Product, p.Price, currency))
            .ToList();

        var token = rows.Count > pageSize ? KeysetToken.Create(Sort, "", items[^1].ItemNumber) : null;
        return new ResultPage<CatalogProduct>(items, token);
    }
}
