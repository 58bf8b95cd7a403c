using CustomerPortal.Web.Localization;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Tests.Localization;

// "Today" for late orders: the calendar day in the portal's time zone, or the pinned day.
public sealed class PortalCalendarTests(SeededPortalData data)
{
    // 23:30 UTC on 1 November is already 2 November in Paris and still 1 November in New York.
    private static readonly FixedTime LateEvening = new(new DateTimeOffset(2026, 11, 1, 23, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("UTC", "2026-11-01")]
    [InlineData("Europe/Paris", "2026-11-02")]
    [InlineData("America/New_York", "2026-11-01")]
    [InlineData("", "2026-11-01")]
    public void TodayIsTheCalendarDayInThePortalsTimeZone(string timeZone, string expected)
    {
        var calendar = new PortalCalendar(Options.Create(new PortalOptions { TimeZone = timeZone }), LateEvening);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), calendar.Today);
    }

    [Fact]
    public void APinnedTodayWinsOverTheClock()
    {
        var calendar = new PortalCalendar(Options.Create(new PortalOptions { TimeZone = "Europe/Paris", Today = "2026-03-15" }), LateEvening);

        Assert.Equal(new DateOnly(2026, 3, 15), calendar.Today);
    }

    [Theory]
    [InlineData("Portal:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Portal:Today", "1 November 2026")]
    public async Task AnUnusableSettingStopsStartUpNamingTheKey(string key, string value)
    {
        await using var misconfigured = new ConfiguredPortalFactory(data, (key, value));

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
