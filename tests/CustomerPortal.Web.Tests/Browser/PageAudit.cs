using System.Text.RegularExpressions;
using CustomerPortal.Web.Tests.Isolation;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Browser;

// The values a persona's pages need in their routes: its own first order and invoice, a draft it started and
// an order template it saved.
public sealed record PersonaValues(string? OrderNumber, Guid? DraftId, string ResetPasswordQuery, string? InvoiceNumber = null, Guid? TemplateId = null)
{
    public static PersonaValues None { get; } = new(null, null, "");

    // The addresses that show the route's page with these values; none when a value is missing.
    public IEnumerable<string> UrlsOf(PortalRoute route)
    {
        var template = route.Template;
        if (template.Contains("{code:int}", StringComparison.Ordinal))
        {
            return [.. new[] { 404, 403, 503 }.Select(code => template.Replace("{code:int}", code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))];
        }

        if (template.Contains("{id:guid?}", StringComparison.Ordinal))
        {
            var plain = template.Replace("/{id:guid?}", "", StringComparison.Ordinal);
            return DraftId is null ? [plain] : [plain, template.Replace("{id:guid?}", DraftId.ToString(), StringComparison.Ordinal)];
        }

        // The template pages' {id:guid} is a template id; "save as template" is shown for the draft.
        if (template.StartsWith("/Orders/Templates/", StringComparison.Ordinal))
        {
            return route.Page == "/Orders/Templates/New" ? (DraftId is null ? [] : [$"{template}?draft={DraftId}"])
                : !template.Contains("{id:guid}", StringComparison.Ordinal) ? [template]
                : TemplateId is null ? [] : [template.Replace("{id:guid}", TemplateId.ToString(), StringComparison.Ordinal)];
        }

        // The public pages: the visitors' home and one page about the portal (built in, or the company's Markdown).
        if (template.Contains("{slug?}", StringComparison.Ordinal))
        {
            var home = template.Replace("/{slug?}", "", StringComparison.Ordinal);
            return [home, home + "/terms"];
        }

        // The invoice pages' {number} is an invoice number, every other page's an order number.
        var number = template.Contains("Invoices/{number}", StringComparison.Ordinal) ? InvoiceNumber : OrderNumber;
        if ((template.Contains("{number}", StringComparison.Ordinal) && number is null) || (template.Contains("{id:guid}", StringComparison.Ordinal) && DraftId is null))
        {
            return [];
        }

        var url = template.Replace("{number}", number, StringComparison.Ordinal).Replace("{id:guid}", DraftId?.ToString(), StringComparison.Ordinal);
        return [route.Page == "/Account/ResetPassword" ? url + ResetPasswordQuery : url];
    }
}

// A browser context and its one page, closed together.
public sealed record BrowsingSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

// Runs axe-core on pages at each width, keeps the serious and critical violations, and which page
// showed which <title>.
public sealed class PageAudit(IReadOnlyList<PortalRoute> routes, IReadOnlyList<int> widths, IReadOnlyCollection<string> failingImpacts)
{
    private readonly List<(string Page, Regex Path)> _pathsOfPages = [.. routes
        .OrderBy(r => r.RouteValues.Count).ThenByDescending(r => r.Template.Length)
        .Select(r => (r.Page, PathPattern(r.Template)))];

    // Only violations come back in full: the passes' element lists are most of the result's size.
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    private readonly HashSet<string> _seen = [];
    private readonly Dictionary<string, SortedSet<string>> _pagesByTitle = [];
    private readonly SortedDictionary<string, int> _violationsByRule = [];

    public List<string> Failures { get; } = [];

    public HashSet<string> VisitedPages { get; } = [];

    public int Checks { get; private set; }

    // Two different pages with one title: a screen-reader user could not tell them apart.
    public IEnumerable<string> SharedTitles => _pagesByTitle.Where(t => t.Value.Count > 1).Select(t => $"\"{t.Key}\": {string.Join(", ", t.Value)}");

    public async Task VisitAllAsync(IPage page, string persona, IEnumerable<PortalRoute> routesToVisit, PersonaValues values)
    {
        foreach (var route in routesToVisit)
        {
            foreach (var url in values.UrlsOf(route))
            {
                await VisitAsync(page, persona, route.Page, url);
            }
        }
    }

    // Opens url and checks the page it shows, unless that address was checked already (as another persona:
    // the representative's /Orders and the authorized user's are the same markup).
    public async Task VisitAsync(IPage page, string persona, string pageName, string url)
    {
        await page.GotoAsync(url);
        var landed = new Uri(page.Url).AbsolutePath;
        var redirected = !string.Equals(landed, url.Split('?')[0], StringComparison.OrdinalIgnoreCase);
        if (!_seen.Add(redirected ? landed : url))
        {
            return;
        }

        await CheckAsync(page, persona, redirected ? PageOf(landed) : pageName, url);
    }

    // Checks the page as it is now (after a post that showed an error, say).
    public Task CheckAsync(IPage page, string persona, string state) =>
        CheckAsync(page, persona, PageOf(new Uri(page.Url).AbsolutePath), new Uri(page.Url).PathAndQuery + $" ({state})");

    public string Summary() =>
        $"{Checks} pages checked at {widths.Count} widths, {Failures.Count} serious or critical violations; by rule (elements): "
        + string.Join(", ", _violationsByRule.Select(r => $"{r.Key} {r.Value}"));

    private async Task CheckAsync(IPage page, string persona, string pageName, string what)
    {
        VisitedPages.Add(pageName);
        Checks++;
        var title = await page.TitleAsync();
        _pagesByTitle.TryAdd(title, []);
        _pagesByTitle[title].Add(pageName);
        foreach (var width in widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            // Legacy mode runs axe in the page itself. The default mode opens a blank page for every run to
            // merge results across cross-origin frames, which the portal does not have; that page made each run
            // cost seconds. With the html element as context, axe still runs its page-level rules.
            // Marked obsolete by Deque ("being removed in the future"): if it goes, RunAxe still works, slower.
#pragma warning disable CS0618
            var result = await page.Locator("html").RunAxeLegacy(Options);
#pragma warning restore CS0618
            foreach (var violation in result.Violations.Where(v => failingImpacts.Contains(v.Impact)))
            {
                _violationsByRule[violation.Id] = _violationsByRule.GetValueOrDefault(violation.Id) + violation.Nodes.Length;
                Failures.Add($"{violation.Id} ({violation.Impact}) on {pageName} {what} as {persona} at {width} px: "
                    + string.Join(" | ", violation.Nodes.Take(5).Select(n => n.Target.ToString())) + (violation.Nodes.Length > 5 ? $" and {violation.Nodes.Length - 5} more" : ""));
                Log(Failures[^1]);
            }

            Log($"{DateTime.UtcNow:HH:mm:ss} {persona} {pageName} {what} {width} px checked");
        }

        await page.SetViewportSizeAsync(widths[0], 900);
    }

    // A long run can be followed line by line: CUSTOMERPORTAL_AXE_LOG names a file to append to.
    private static void Log(string line)
    {
        if (Environment.GetEnvironmentVariable("CUSTOMERPORTAL_AXE_LOG") is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + "\n");
        }
    }

    private string PageOf(string path) =>
        _pathsOfPages.FirstOrDefault(p => p.Path.IsMatch(path)).Page ?? path;

    private static Regex PathPattern(string template)
    {
        var segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
            segment.StartsWith('{') && segment.EndsWith("?}", StringComparison.Ordinal) ? "(/[^/]+)?"
            : segment.StartsWith('{') ? "/[^/]+"
            : "/" + Regex.Escape(segment));
        var pattern = string.Concat(segments);
        return new Regex("^" + (pattern.Length == 0 ? "/" : pattern) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
