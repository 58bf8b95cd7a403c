using CustomerPortal.Core;

namespace CustomerPortal.Web.Export;

// An export reads the filtered list through the port page by page, like the list itself, so it is scoped
// the same way, and stops at a bound so one request never reads a whole data source.
public static class ExportRows
{
    public const int MaxRows = 10_000;
    public const int BatchSize = 100;

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(Func<string?, Task<ResultPage<T>>> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = new List<T>();
        string? after = null;
        do
        {
            var next = await page(after);
            rows.AddRange(next.Items.Take(MaxRows - rows.Count));
            after = next.ContinuationToken;
        }
        while (after is not null && rows.Count < MaxRows);

        return rows;
    }
}
