using CustomerPortal.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Tests;

// The portal's own resources read the way its pages read them (current UI culture), for tests of code that
// takes an IStringLocalizer without a running portal.
public static class PortalLocalizer
{
    public static IStringLocalizer Create() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedResource));
}
