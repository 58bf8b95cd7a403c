using System.Text.Json;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Tests.Isolation;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Browser;

// Issue 17: in every language the portal speaks, at a phone's and a desktop's width, no button, nav link or
// step label wraps inside a word ("Ajoute/r") or spills out of its box, and no page scrolls sideways on the phone.
// The language is chosen with the footer's picker, as a user chooses it; each persona signs in once.
[Collection(BrowserPortal.Collection)]
public sealed class ButtonLabelBrowserTests(SeededPortalData data)
{
    private static readonly int[] Widths = [390, 1366];

    // The main pages, the ones every buyer and administrator uses, with the most buttons: five languages at two
    // widths over every page of the route table took a fifth of the suite's time.
    private static readonly string[] MainPages =
    [
        "/Index", "/Public/Index", "/Orders/Index", "/Orders/Details", "/Orders/New", "/Orders/Drafts/Items", "/Orders/Drafts/Review",
        "/Orders/Templates/Index", "/Orders/Templates/Details", "/Products/Index", "/Invoices/Index", "/Invoices/Details", "/Account/Index",
        "/Team/Index", "/Account/Manage/Index", "/Admin/Users/Index", "/Admin/Invitations/Index",
    ];

    public static TheoryData<string> Cultures => [.. PortalCultures.Supported.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task NoButtonLabelWrapsInsideAWordOrOverflowsItsBox(string culture)
    {
        await using var browser = await BrowserPortal.StartAsync(data);
        var routes = (await PortalRoute.DiscoverAsync(browser.Portal.Services))
            .Where(r => MainPages.Contains(r.Page)).GroupBy(r => r.Page).Select(g => g.MinBy(r => r.Template.Length)!).ToList();
        var check = new LabelCheck(culture);

        await using (var session = await SessionAsync(browser))
        {
            var anonymous = session.Page;
            await PickCultureAsync(anonymous, culture);
            await check.VisitAsync(anonymous, "anonymous", "/Identity/Account/Login");
            foreach (var url in routes.Where(r => r.Template.Contains("{slug?}", StringComparison.Ordinal)).SelectMany(PersonaValues.None.UrlsOf))
            {
                await check.VisitAsync(anonymous, "anonymous", url);
            }
        }

        await using (var session = await SessionAsync(browser))
        {
            var representative = session.Page;
            await BrowserPortal.SignInAsync(representative, Personas.Representative, Personas.Password, browser.Portal.ServerLog);
            // A draft with a line (every wizard step has content), a saved template, the first order and invoice.
            var values = await AccessibilityTests.CustomerValuesAsync(representative, browser.Portal.Mirror.PricedItemNumbersOf(Personas.Representative)[0]);
            await PickCultureAsync(representative, culture);
            foreach (var url in routes.Where(r => !IsAdministration(r)).SelectMany(values.UrlsOf))
            {
                await check.VisitAsync(representative, "representative", url);
            }

            // The items step with search results: each result has its own small "Add" button.
            var item = browser.Portal.Mirror.PricedItemNumbersOf(Personas.Representative)[0];
            await check.VisitAsync(representative, "representative", $"/Orders/Drafts/{values.DraftId}/Items?search={Uri.EscapeDataString(item[..Math.Min(3, item.Length)])}");
        }

        await using (var session = await SessionAsync(browser))
        {
            var administrator = session.Page;
            await BrowserPortal.SignInAsync(administrator, Personas.Administrator, Personas.AdministratorPassword, browser.Portal.ServerLog);
            await PickCultureAsync(administrator, culture);
            foreach (var url in routes.Where(IsAdministration).SelectMany(PersonaValues.None.UrlsOf))
            {
                await check.VisitAsync(administrator, "administrator", url);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(check.Summary());
        Assert.True(check.Pages >= MainPages.Length, check.Summary());
        Assert.True(check.Failures.Count == 0, $"{check.Summary()}\n" + string.Join("\n", check.Failures));
    }

    private static bool IsAdministration(PortalRoute route) => route.Template.StartsWith("/Admin", StringComparison.Ordinal);

    private static async Task<BrowsingSession> SessionAsync(BrowserPortal browser)
    {
        var (context, page, _) = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(Widths[^1], 900);
        return new BrowsingSession(context, page);
    }

    // The footer's language buttons, pressed on the page the user is on.
    private static async Task PickCultureAsync(IPage page, string culture)
    {
        if (page.Url == "about:blank")
        {
            await page.GotoAsync("/Identity/Account/Login");
        }

        await page.Locator($"form.culture-picker button[name=culture][value='{culture}']").ClickAsync();
        await page.WaitForFunctionAsync("c => document.documentElement.lang === c", culture);
    }

    // Visits pages once each (by the address they land on) and measures their labels at each width.
    private sealed class LabelCheck(string culture)
    {
        private readonly HashSet<string> _seen = [];

        public List<string> Failures { get; } = [];

        public int Pages { get; private set; }

        public int Labels { get; private set; }

        public string Summary() => $"{culture}: {Pages} pages, {Labels} labels measured at {string.Join(" and ", Widths)} px, {Failures.Count} problems.";

        public async Task VisitAsync(IPage page, string persona, string url)
        {
            await page.GotoAsync(url);
            var landed = new Uri(page.Url).PathAndQuery;
            var redirected = !string.Equals(new Uri(page.Url).AbsolutePath, url.Split('?')[0], StringComparison.OrdinalIgnoreCase);
            if (!_seen.Add(redirected ? new Uri(page.Url).AbsolutePath : url))
            {
                return;
            }

            Pages++;
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                await OpenMenuAsync(page);
                var result = await page.EvaluateAsync<JsonElement>(MeasureLabels);
                Labels += result.GetProperty("labels").GetInt32();
                Failures.AddRange(result.GetProperty("problems").EnumerateArray().Select(problem => $"{landed} ({persona}) in {culture} at {width} px: {problem.GetString()}"));
            }

            await page.SetViewportSizeAsync(Widths[^1], 900);
        }

        // On a phone the navigation is behind the menu button: opened, its links are measured too.
        private static async Task OpenMenuAsync(IPage page)
        {
            var toggler = page.Locator(".navbar-toggler");
            if (await toggler.CountAsync() == 1 && await toggler.IsVisibleAsync() && await toggler.GetAttributeAsync("aria-expanded") != "true")
            {
                await toggler.ClickAsync();
                await Assertions.Expect(page.Locator(".navbar-collapse.show")).ToBeVisibleAsync();
            }
        }
    }

    // For every visible button-like element: each word of its label (text between breakable spaces, so "12 345"
    // with a no-break space is one) must lie on one line box, and the label must stay inside the element.
    // Text a screen reader reads but nobody sees (.visually-hidden) is left out. A page wider than the window
    // scrolls sideways, which a phone user notices first.
    private const string MeasureLabels = """
        () => {
          const selector = 'button, .btn, input[type=submit], input[type=button], .nav-link, [role=tab], .page-link, .order-step > *, .dropdown-item';
          const hidden = '.visually-hidden, .visually-hidden-focusable:not(:focus)';
          const problems = [];
          let labels = 0;
          for (const element of new Set(document.querySelectorAll(selector))) {
            const box = element.getBoundingClientRect();
            if (box.width <= 1 || box.height <= 1 || element.closest(hidden) || getComputedStyle(element).visibility === 'hidden') continue;
            const isInput = element.tagName === 'INPUT';
            const label = (isInput ? element.value : element.innerText).replace(/\s+/g, ' ').trim();
            if (!label) continue;
            labels++;
            const name = `"${label}" (${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''})`;
            if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
              problems.push(`${name} overflows its box: ${element.scrollWidth} px of content in ${element.clientWidth} px`);
              continue;
            }
            if (isInput) continue;
            let left = Infinity, right = -Infinity;
            const split = [];
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (node.parentElement.closest(hidden)) continue;
              const words = /[^ \t\n\r\f]+/g;
              for (let match = words.exec(node.data); match; match = words.exec(node.data)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
                if (rects.length === 0) continue;
                const first = rects[0];
                if (rects.some(r => r.top >= first.top + first.height / 2)) split.push(match[0]);
                for (const r of rects) { left = Math.min(left, r.left); right = Math.max(right, r.right); }
              }
            }
            if (split.length > 0) problems.push(`${name} wraps inside ${split.map(w => `"${w}"`).join(', ')}`);
            else if (right > box.right + 1 || left < box.left - 1) problems.push(`${name} overflows its box: text ${Math.round(left)}–${Math.round(right)} px, box ${Math.round(box.left)}–${Math.round(box.right)} px`);
          }
          const width = document.documentElement.scrollWidth;
          if (width > window.innerWidth) problems.push(`the page scrolls sideways: ${width} px wide in a ${window.innerWidth} px window`);
          return { labels, problems };
        }
        """;
}
