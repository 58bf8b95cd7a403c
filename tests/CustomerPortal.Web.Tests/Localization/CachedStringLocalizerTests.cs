using System.Globalization;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Tests.Localization;

// The portal keeps the strings it has looked up (issue 16); a kept string must never show in another language,
// and a key that is not in the resx files must behave as before (its own name) without being kept.
public sealed class CachedStringLocalizerTests
{
    private static IStringLocalizer Localizer() =>
        new CachedStringLocalizerFactory(new ResourceManagerStringLocalizerFactory(
                Options.Create(new LocalizationOptions { ResourcesPath = "" }), NullLoggerFactory.Instance))
            .Create(typeof(SharedResource));

    [Fact]
    public void AStringLookedUpInOneLanguageIsShownInTheNextLanguageAsked()
    {
        var localizer = Localizer();

        string English() { using var _ = CultureScope.Use(CultureInfo.GetCultureInfo("en-US")); return localizer["Orders.Title"]; }
        string French() { using var _ = CultureScope.Use(CultureInfo.GetCultureInfo("fr-FR")); return localizer["Orders.Title"]; }

        Assert.Equal("Sales orders", English());
        Assert.Equal("Commandes client", French());
        Assert.Equal("Sales orders", English());
    }

    [Fact]
    public void ArgumentsAreFormattedInTheReadersCultureEachTime()
    {
        var localizer = Localizer();

        string CountIn(string culture) { using var _ = CultureScope.Use(CultureInfo.GetCultureInfo(culture)); return localizer["Orders.CountMany", 2.5m]; }

        Assert.Equal("2,5 commandes sur cette page", CountIn("fr-FR"));
        Assert.Equal("2.5 sales orders on this page", CountIn("en-US"));
        Assert.Equal("2,5 commandes sur cette page", CountIn("fr-FR"));
    }

    [Fact]
    public void AMissingKeyShowsItsNameAndSaysItWasNotFound()
    {
        var localizer = Localizer();
        using var _ = CultureScope.Use(CultureInfo.GetCultureInfo("sv-SE"));

        var missing = localizer["No.Such.Key {0}", 7];

        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No.Such.Key 7", missing.Value);
        Assert.True(localizer["No.Such.Key {0}"].ResourceNotFound);
    }
}
