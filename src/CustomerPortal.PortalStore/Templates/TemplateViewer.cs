namespace CustomerPortal.PortalStore.Templates;

// Who asks for templates: the signed-in user, and the customer account and legal entity of their scope.
// Every method of OrderTemplateStore takes one, so a template of another account, or a colleague's
// private one, is never found: not listed, not read, not changed.
public sealed record TemplateViewer(string UserId, Guid AccountId, Guid CompanyId);
