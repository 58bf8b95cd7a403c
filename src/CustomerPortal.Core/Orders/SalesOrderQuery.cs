namespace CustomerPortal.Core.Orders;

// What the order list can be asked for. Dates are calendar days, inclusive, in UTC. Progress filters
// other than Open need Today (the user's today): the data sources compare receipt dates with it.
public sealed record SalesOrderQuery(
    string? Search = null,
    ProcessingStatus? Status = null,
    DateOnly? OrderedFrom = null,
    DateOnly? OrderedTo = null,
    SalesOrderSort Sort = SalesOrderSort.NewestFirst,
    int PageSize = Core.PageSize.Default,
    string? ContinuationToken = null,
    OrderProgress Progress = OrderProgress.Any,
    DateOnly? Today = null)
{
    public const int MaxSearchLength = 50;

    // Trimmed search text, or null when there is nothing to search for.
    public string? SearchText => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
}
