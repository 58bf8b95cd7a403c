namespace CustomerPortal.Core;

// Dataverse address parts (shipto_*, address1_*). Country is the country name, as dual-write stores it.
public sealed record PostalAddress(
    string? Line1,
    string? Line2,
    string? City,
    string? StateOrProvince,
    string? PostalCode,
    string? Country)
{
    public IEnumerable<string> Lines()
    {
        if (!string.IsNullOrWhiteSpace(Line1)) yield return Line1;
        if (!string.IsNullOrWhiteSpace(Line2)) yield return Line2;
        var cityLine = string.Join(" ", new[] { PostalCode, City, StateOrProvince }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (cityLine.Length > 0) yield return cityLine;
        if (!string.IsNullOrWhiteSpace(Country)) yield return Country;
    }
}
