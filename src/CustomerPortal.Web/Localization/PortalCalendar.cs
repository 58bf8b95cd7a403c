using System.Globalization;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Localization;

// "Today" as the portal's users live it, for late orders and deliveries due soon: the current instant in
// the portal's time zone (Portal:TimeZone, an IANA id such as "Europe/Paris"), so an order due today is not
// late at 23:30 in Paris just because it is already tomorrow in UTC. Portal:Today pins the day instead,
// for demos recorded on fixed data and for tests, whose seeded orders would otherwise age into lateness.
public sealed class PortalCalendar
{
    public const string DateFormat = "yyyy-MM-dd";

    private readonly TimeProvider _time;
    private readonly DateOnly? _pinnedToday;

    public PortalCalendar(IOptions<PortalOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        var portal = options.Value;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(portal.TimeZone) ? "UTC" : portal.TimeZone.Trim());
        _pinnedToday = string.IsNullOrWhiteSpace(portal.Today) ? null : DateOnly.ParseExact(portal.Today.Trim(), DateFormat, CultureInfo.InvariantCulture);
    }

    public TimeZoneInfo TimeZone { get; }

    public DateOnly Today => _pinnedToday ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), TimeZone).DateTime);

    // A bad time zone or date stops start-up naming the key, rather than failing the first page that asks.
    internal static bool IsValidTimeZone(string? id) =>
        string.IsNullOrWhiteSpace(id) || TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);

    internal static bool IsValidToday(string? today) =>
        string.IsNullOrWhiteSpace(today) || DateOnly.TryParseExact(today.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
