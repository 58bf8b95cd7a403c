namespace CustomerPortal.Core.Products;

public sealed record ProductQuery(
    string? Search = null,
    int PageSize = Core.PageSize.Default,
    string? ContinuationToken = null)
{
    public const int MaxSearchLength = 100;

    public string? SearchText => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
}
