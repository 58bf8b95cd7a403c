namespace CustomerPortal.PortalStore.Templates;

// A template as the list shows it, without its lines.
public sealed record OrderTemplateSummary(Guid Id, string Name, string OwnerUserId, string OwnerName, bool IsShared, int LineCount, DateTime ModifiedOn);
