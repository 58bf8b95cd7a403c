using System.Globalization;

namespace CustomerPortal.Web.Localization;

// A mail is written in its reader's language, not in the language of the request or job that sends it:
// for the time of one composition the thread's cultures are the reader's, and are put back afterwards.
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(CultureInfo culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;

    public static CultureScope Use(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return new CultureScope(culture);
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
