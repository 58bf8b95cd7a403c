namespace CustomerPortal.Core;

// One page of results and the opaque token that fetches the next one. Dataverse has no $skip, so
// the port pages forward with continuation tokens (a keyset on SQLite, the server's next link on
// Dataverse) rather than page numbers.
public sealed record ResultPage<T>(IReadOnlyList<T> Items, string? ContinuationToken)
{
    public bool HasMore => ContinuationToken is not null;
}
