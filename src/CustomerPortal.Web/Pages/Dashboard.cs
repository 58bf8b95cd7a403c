using System.Globalization;
using System.Text.Encodings.Web;
using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Pages.Orders;
using Microsoft.AspNetCore.Html;

namespace CustomerPortal.Web.Pages;

// What the home page's short lists are: which orders, in which order, and the order list that shows them all.
public enum DashboardSection
{
    Late,
    DueSoon,
    AwaitingConfirmation,
    RecentlyDelivered,
}

// One of the home page's short lists: its first orders, and how many there are (null: more than one fetch).
public sealed record DashboardList(DashboardSection Section, IReadOnlyList<SalesOrderSummary> Orders, int? Count)
{
    // Orders shown per list; the data sources' smallest page is fetched so the count can be exact up to it.
    public const int Shown = 5;

    public IEnumerable<SalesOrderSummary> ShownOrders => Orders.Take(Shown);

    // The order list with the same filter, for "See all".
    public OrderFilter Filter => FilterFor(Section);

    public static OrderFilter FilterFor(DashboardSection section) => section switch
    {
        DashboardSection.Late => new() { Progress = OrderProgress.Late, Sort = SalesOrderSort.ReceiptDateAscending },
        DashboardSection.DueSoon => new() { Progress = OrderProgress.DueSoon, Sort = SalesOrderSort.ReceiptDateAscending },
        // Waiting longest first: those are the ones to chase.
        DashboardSection.AwaitingConfirmation => new() { Status = ProcessingStatus.Active, Sort = SalesOrderSort.OldestFirst },
        _ => new() { Progress = OrderProgress.RecentlyDelivered, Sort = SalesOrderSort.ReceiptDateDescending },
    };
}

// One bar of the spend chart, placed in the chart's own coordinates (SpendChart.Width x Height).
public sealed record SpendBar(int Year, int Month, decimal Total, int OrderCount, double X, double Y, double Width, double Height)
{
    public DateOnly FirstDay => new(Year, Month, 1);
}

// The twelve months of one currency, with the months without orders as zero.
public sealed record SpendSeries(Currency Currency, IReadOnlyList<SpendBar> Bars)
{
    public decimal Total => Bars.Sum(b => b.Total);

    public SpendBar Highest => Bars.MaxBy(b => b.Total)!;

    // Ids for the chart's title and description, unique per currency on the page.
    public string Id => "spend-" + new string(Currency.IsoCode.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}

// The spend chart is drawn on the server as SVG: no script, no chart library, no inline style (the CSP
// forbids them), only attributes and the classes of site.css. One series per currency, never summed across.
public static class SpendChart
{
    public const int Months = 12;
    public const double Width = 600;
    public const double Height = 230;
    public const double PlotTop = 28;
    public const double Baseline = 196;
    public const double MonthLabelY = 220;
    private const double Slot = Width / Months;
    private const double BarWidth = Slot * 0.62;

    // The first month of the chart: eleven months before today's, so the current month is the last bar.
    public static DateOnly FirstMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months);

    public static IReadOnlyList<SpendSeries> Build(IReadOnlyList<MonthlySpend> spend, DateOnly firstMonth)
    {
        ArgumentNullException.ThrowIfNull(spend);
        var months = Enumerable.Range(0, Months).Select(firstMonth.AddMonths).ToList();
        return [.. spend
            .GroupBy(s => s.Currency.IsoCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(currency =>
            {
                var totals = months.Select(m => (Month: m, Spend: currency.Where(s => s.Year == m.Year && s.Month == m.Month).ToList())).ToList();
                var max = totals.Max(t => t.Spend.Sum(s => s.Total));
                var bars = totals.Select((t, i) =>
                {
                    var total = t.Spend.Sum(s => s.Total);
                    // A month with a little spend still shows a sliver, so it is not read as nothing.
                    var height = max <= 0 || total <= 0 ? 0 : Math.Max(2, (double)(total / max) * (Baseline - PlotTop));
                    return new SpendBar(t.Month.Year, t.Month.Month, total, t.Spend.Sum(s => s.OrderCount),
                        (i * Slot) + ((Slot - BarWidth) / 2), Baseline - height, BarWidth, height);
                }).ToList();
                return new SpendSeries(currency.First().Currency, bars);
            })
            .Where(series => series.Total != 0)];
    }

    // SVG coordinates are always written with a '.', whatever the reader's culture.
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static double Center(SpendBar bar) => bar.X + (bar.Width / 2);

    // An SVG <text> element: Razor reserves <text> for its own use, so the chart's labels are written here, encoded.
    public static IHtmlContent Label(string cssClass, double x, double y, string content, bool centered = false) => new HtmlString(
        $"<text class=\"{HtmlEncoder.Default.Encode(cssClass)}\" x=\"{N(x)}\" y=\"{N(y)}\"{(centered ? " text-anchor=\"middle\"" : "")}>{HtmlEncoder.Default.Encode(content)}</text>");
}
