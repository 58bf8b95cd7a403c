namespace CustomerPortal.PortalStore.Drafts;

// Changes whenever an open draft of a user is started, changed, submitted or discarded: how many are open and
// when the most recently changed one was saved (OrderDraftStore stamps ModifiedOn on every save). The session
// check reads it with the session on every request (PortalSessionStore), so the header can reuse what it read of
// the current draft while it is unchanged, on any instance, without a query of its own (issue 16).
public readonly record struct DraftsVersion(int OpenDrafts, DateTime? LastChange);
