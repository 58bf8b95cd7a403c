using System.Text.Json;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Tests.Isolation;
using Microsoft.Playwright;

namespace CustomerPortal.Web.Tests.Browser;

// Issue 17: in every language the portal speaks, at a phone's and a desktop's width, no button, nav link or
// step label wraps inside a word ("Ajoute/r") or spills out of its box, and no page scrolls sideways on the phone.
// The language is chosen with the footer's picker, as a user chooses it. One portal, one browser and one sign-in per
// persona serve all five languages (starting them per language was most of the test's time): each persona has a
// phone-sized and a desktop-sized page sharing its cookies, so a page is loaded at each width as a user would load it.
[Collection(BrowserPortal.Collection)]
public sealed class ButtonLabelBrowserTests(SeededPortalData data, ButtonLabelBrowserTests.SignedInBrowsers browsers)
    : IClassFixture<ButtonLabelBrowserTests.SignedInBrowsers>
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
        var personas = await browsers.StartAsync(data);
        var check = new LabelCheck(culture);
        foreach (var persona in personas)
        {
            await PickCultureAsync(persona.Desktop, culture);
            foreach (var url in persona.Urls)
            {
                await check.VisitAsync(persona, url);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(check.Summary());
        Assert.True(check.Pages >= MainPages.Length, check.Summary());
        Assert.True(check.Failures.Count == 0, $"{check.Summary()}\n" + string.Join("\n", check.Failures));
    }

    private static bool IsAdministration(PortalRoute route) => route.Template.StartsWith("/Admin", StringComparison.Ordinal);

    // The footer's language buttons, pressed on the page the user is on; the choice holds for the persona's other page.
    private static async Task PickCultureAsync(IPage page, string culture)
    {
        if (page.Url == "about:blank")
        {
            await page.GotoAsync("/Identity/Account/Login");
        }

        if (await page.EvaluateAsync<string>("() => document.documentElement.lang") == culture)
        {
            return;
        }

        await page.Locator($"form.culture-picker button[name=culture][value='{culture}']").ClickAsync();
        await page.WaitForFunctionAsync("c => document.documentElement.lang === c", culture);
    }

    // A persona's browser profile: one page at each width, and the addresses of the main pages it can open.
    public sealed record Persona(string Name, IBrowserContext Context, IPage Phone, IPage Desktop, IReadOnlyList<string> Urls)
    {
        public IEnumerable<(int Width, IPage Page)> Pages => [(Widths[0], Phone), (Widths[1], Desktop)];
    }

    // Started by the first language's test and kept for the others; the anonymous visitor, the representative
    // (with a draft with a line, a saved template, the first order and invoice) and the administrator.
    public sealed class SignedInBrowsers : IAsyncDisposable
    {
        private BrowserPortal? _browser;
        private IReadOnlyList<Persona>? _personas;

        public async Task<IReadOnlyList<Persona>> StartAsync(SeededPortalData data)
        {
            if (_personas is not null)
            {
                return _personas;
            }

            _browser ??= await BrowserPortal.StartAsync(data);
            var browser = _browser;
            var routes = (await PortalRoute.DiscoverAsync(browser.Portal.Services))
                .Where(r => MainPages.Contains(r.Page)).GroupBy(r => r.Page).Select(g => g.MinBy(r => r.Template.Length)!).ToList();

            var anonymous = await PersonaAsync(browser, "anonymous", null, null);
            anonymous = anonymous with
            {
                Urls = ["/Identity/Account/Login", .. routes.Where(r => r.Template.Contains("{slug?}", StringComparison.Ordinal)).SelectMany(PersonaValues.None.UrlsOf)],
            };

            var representative = await PersonaAsync(browser, "representative", Personas.Representative, Personas.Password);
            var item = browser.Portal.Mirror.PricedItemNumbersOf(Personas.Representative)[0];
            var values = await AccessibilityTests.CustomerValuesAsync(representative.Desktop, item);
            representative = representative with
            {
                // The items step with search results last: each result has its own small "Add" button.
                Urls = [.. routes.Where(r => !IsAdministration(r)).SelectMany(values.UrlsOf),
                    $"/Orders/Drafts/{values.DraftId}/Items?search={Uri.EscapeDataString(item[..Math.Min(3, item.Length)])}"],
            };

            var administrator = await PersonaAsync(browser, "administrator", Personas.Administrator, Personas.AdministratorPassword);
            administrator = administrator with { Urls = [.. routes.Where(IsAdministration).SelectMany(PersonaValues.None.UrlsOf)] };

            _personas = [anonymous, representative, administrator];
            return _personas;
        }

        private static async Task<Persona> PersonaAsync(BrowserPortal browser, string name, string? email, string? password)
        {
            var (context, desktop, _) = await browser.NewPageAsync();
            await desktop.SetViewportSizeAsync(Widths[1], 900);
            var phone = await context.NewPageAsync();
            await phone.SetViewportSizeAsync(Widths[0], 900);
            if (email is not null && password is not null)
            {
                await BrowserPortal.SignInAsync(desktop, email, password, browser.Portal.ServerLog);
            }

            return new Persona(name, context, phone, desktop, []);
        }

        public async ValueTask DisposeAsync()
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }
        }
    }

    // Visits pages once each (by the address they land on) and measures their labels at each width.
    private sealed class LabelCheck(string culture)
    {
        private readonly HashSet<string> _seen = [];

        public List<string> Failures { get; } = [];

        public int Pages { get; private set; }

        public int Labels { get; private set; }

        public string Summary() => $"{culture}: {Pages} pages, {Labels} labels measured at {string.Join(" and ", Widths)} px, {Failures.Count} problems.";

        public async Task VisitAsync(Persona persona, string url)
        {
            await Task.WhenAll(persona.Pages.Select(p => p.Page.GotoAsync(url)));
            var page = persona.Desktop;
            var landed = new Uri(page.Url).PathAndQuery;
            var redirected = !string.Equals(new Uri(page.Url).AbsolutePath, url.Split('?')[0], StringComparison.OrdinalIgnoreCase);
            if (!_seen.Add(redirected ? new Uri(page.Url).AbsolutePath : url))
            {
                return;
            }

            Pages++;
            foreach (var (width, atWidth) in persona.Pages)
            {
                await OpenMenuAsync(atWidth);
                var result = await atWidth.EvaluateAsync<JsonElement>(MeasureLabels);
                var lang = result.GetProperty("lang").GetString();
                if (lang != culture)
                {
                    Failures.Add($"{landed} ({persona.Name}) at {width} px is in \"{lang}\", not {culture}: the language picked did not hold");
                }

                Labels += result.GetProperty("labels").GetInt32();
                Failures.AddRange(result.GetProperty("problems").EnumerateArray().Select(problem => $"{landed} ({persona.Name}) in {culture} at {width} px: {problem.GetString()}"));
            }
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
          return { lang: document.documentElement.lang, labels, problems };
        }
        """;
}
