using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Shared;

// What _EmptyList shows for a list with nothing in it; BackToList links to the unfiltered first page.
public sealed record EmptyList(LocalizedString Heading, LocalizedString? Hint = null, LocalizedString? BackToList = null);
