using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Web.Tests.Isolation;
using CustomerPortal.Web.Tests.Pages.Ordering;
using CustomerPortal.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CustomerPortal.Web.Tests.Fuzz;

// Anonymous and as each persona, every form the persona is shown and every handler of the endpoint
// table is sent hostile values (FuzzValues), missing and repeated fields, other content types and no
// antiforgery token. No answer may be a server error, no refused request (4xx, or the page again with
// validation errors) may change the portal store or the mirror, and no long value may reach the log.
// Deterministic: the mutations are drawn from a fixed seed, and bounded per persona.
public sealed class FuzzTests(SeededPortalData data)
{
    // Fixed, so a failure repeats. CUSTOMERPORTAL_FUZZ_SEED and CUSTOMERPORTAL_FUZZ_REQUESTS explore further by hand.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("CUSTOMERPORTAL_FUZZ_SEED"), out var seed) ? seed : 10_2026;
    private static readonly int RequestsPerPersona =
        int.TryParse(Environment.GetEnvironmentVariable("CUSTOMERPORTAL_FUZZ_REQUESTS"), out var requests) ? requests : 550;
    private static readonly Uri Https = new("https://localhost");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Name, string? Email, string? Password)[] Walk =
    [
        ("anonymous", null, null),
        ("other customer", Personas.OtherCustomer, Personas.Password),
        ("authorized user", Personas.AuthorizedUser, Personas.Password),
        // After the others: a representative may disable colleagues, an administrator lock anyone.
        ("representative", Personas.Representative, Personas.Password),
        ("administrator", Personas.Administrator, Personas.AdministratorPassword),
    ];

    [Fact]
    public async Task NoInputGivesAServerErrorAndARefusedRequestChangesNothing()
    {
        using var portal = new PrivatePortalFactory(data);
        portal.Set("Registration:AllowSelfRegistration", "true");
        _ = portal.Server;
        var routes = (await PortalRoute.DiscoverAsync(portal.Services)).Where(r => !r.Page.EndsWith("/Logout", StringComparison.Ordinal)).ToList();
        var types = routes.SelectMany(r => r.Handlers).SelectMany(h => h.Fields).DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Type);
        using var stores = new StoreWatch(portal.PortalStorePath, portal.MirrorPath);
        var report = new FuzzReport();
        var clock = Stopwatch.StartNew();

        foreach (var persona in Walk)
        {
            await FuzzAsync(portal, routes, types, persona, stores, report);
        }

        var echoed = portal.ServerLog.Entries.Count(e => e.Contains(FuzzValue.LongText(1000), StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine(report.Summary(clock.Elapsed, Seed));
        // What the portal logged as warnings or worse, one line per kind, to read alongside the counts.
        foreach (var kind in portal.ServerLog.Entries.GroupBy(e => Shorten(e.Split('\n')[0])).OrderByDescending(g => g.Count()).Take(10))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"  log ×{kind.Count()}: {kind.Key}");
        }

        Assert.True(report.Requests > 1500, $"The fuzz test made only {report.Requests} requests.");
        Assert.True(report.Failures.Count == 0,
            $"{report.Failures.Count} failures in {report.Requests} requests:\n{string.Join("\n", report.Failures.Take(20))}\n{report.Summary(clock.Elapsed, Seed)}");
        Assert.True(echoed == 0, $"{echoed} server log entries repeat a long posted value.");
    }

    private static async Task FuzzAsync(PortalFactory portal, List<PortalRoute> routes, Dictionary<string, Type> types,
        (string Name, string? Email, string? Password) persona, StoreWatch stores, FuzzReport report)
    {
        // Set-up keeps cookies; the fuzzing client sends the persona's cookies but never takes new ones, so
        // no answer (a sign-in as a demo persona, a sign-out) changes who the persona is.
        var cookies = new CookieContainer();
        using var setup = new PortalClient(portal.CreateDefaultClient(Https, new CookieContainerHandler(cookies)), portal.ServerLog);
        using var fuzzer = portal.CreateDefaultClient(Https);
        var pages = new List<string> { "/Identity/Account/Login" };
        var routeValues = new Dictionary<string, string>();
        if (persona.Email is not null)
        {
            await setup.SignInAsync(persona.Email, persona.Password!);
            pages.AddRange(await PageUrls.ForSignedInAsync(setup));
            if (portal.Mirror.OrdersOfAccountOf(persona.Email) is [var order, ..])
            {
                routeValues["number"] = order.Number;
            }

            if (await StartDraftWithALineAsync(setup, portal.Mirror, persona.Email) is { } draftId)
            {
                routeValues["id"] = draftId.ToString();
                pages.Add($"/Orders/Drafts/{draftId}/Items");
                pages.Add($"/Orders/Drafts/{draftId}/Review");
                pages.Add($"/Orders/New/{draftId}");
            }
        }
        else
        {
            await setup.GetAsync("/Identity/Account/Login");
        }

        // Every page once, which also shows which ones send this persona to sign in: their handlers are
        // fuzzed through their rendered forms only, not once more each from the endpoint table.
        pages.AddRange(routes.Select(r => FuzzTarget.UrlOf(r, routeValues)));
        var signInFirst = new HashSet<string>(StringComparer.Ordinal);
        var cookieHeader = cookies.GetCookieHeader(Https);
        var random = new Random(Seed);
        var targets = new List<FuzzTarget>();
        string? token = null;
        foreach (var page in pages.Distinct())
        {
            using var response = await SendAsync(fuzzer, new FuzzRequest("page", "GET", page, [], FuzzBody.Form), cookieHeader);
            report.Count(persona.Name, (int)response.StatusCode);
            if (IsSentToSignIn(response))
            {
                signInFirst.Add(page);
            }

            if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var document = await PortalClient.ParseAsync(response);
                token ??= document.QuerySelector<IHtmlInputElement>($"input[name={FuzzTarget.Token}]")?.Value;
                targets.AddRange(FuzzTarget.FromPage(document).Where(t => !t.Path.Contains("Logout", StringComparison.OrdinalIgnoreCase)));
            }
        }

        targets.AddRange(routes.Where(r => !signInFirst.Contains(FuzzTarget.UrlOf(r, routeValues))).SelectMany(r => FuzzTarget.FromRoute(r, routeValues, token)));
        var requests = targets.DistinctBy(t => t.Key).SelectMany(t => FuzzRequest.Mutations(t, types, random)).ToList();
        var chosen = requests.OrderBy(_ => random.Next()).Take(RequestsPerPersona).ToList();
        report.Targets(persona.Name, targets.DistinctBy(t => t.Key).Count(), requests.Count);

        var signedIn = persona.Email is not null;
        var recent = new Queue<string>();
        foreach (var request in chosen)
        {
            stores.Settle();
            using var response = await SendAsync(fuzzer, request, cookieHeader);
            var status = (int)response.StatusCode;
            report.Count(persona.Name, status);
            var what = $"{persona.Name}: {request.Method} {Shorten(request.Path)} [{request.Label}] → {status}";
            if (signedIn && IsSentToSignIn(response))
            {
                // An earlier request ended the persona's session, as the user's own would (a new authenticator
                // key changes the security stamp): sign in again, so the rest are still made signed in rather
                // than all answered with the sign-in page. The report lists the requests just before.
                report.SessionEnded(persona.Name, string.Join(" | ", recent));
                signedIn = (await setup.SubmitSignInFormAsync(persona.Email!, persona.Password!)).StatusCode == HttpStatusCode.Redirect;
                cookieHeader = cookies.GetCookieHeader(Https);
            }

            recent.Enqueue(what);
            if (recent.Count > 3)
            {
                recent.Dequeue();
            }

            if (status >= 500)
            {
                var exception = portal.ServerLog.Errors().Split('\n').FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal) && !l.Contains("Middleware", StringComparison.Ordinal));
                report.Failures.Add($"{what}: server error. {Shorten(exception ?? portal.ServerLog.Errors())}");
            }

            var html = await response.Content.ReadAsStringAsync(Ct);
            var refused = status is >= 400 and < 500
                || (status == 200 && (html.Contains("field-validation-error", StringComparison.Ordinal) || html.Contains("validation-summary-errors", StringComparison.Ordinal)));
            if (refused && stores.Changes() is { } changes)
            {
                report.Failures.Add($"{what}: refused, yet changed {Shorten(changes)}");
            }
        }
    }

    // A draft of the persona's own with one line, so the items and review steps have something to work on.
    private static async Task<Guid?> StartDraftWithALineAsync(PortalClient client, MirrorQueries mirror, string email)
    {
        var (response, page) = await client.GetAsync("/Orders/New");
        if (response.StatusCode != HttpStatusCode.OK || page.QuerySelector<IHtmlFormElement>("form[method=post]:has(#information-next)") is not { } form)
        {
            return null;
        }

        var started = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.RequestedReceiptDate"] = OrderingFlow.RequestedDate(),
        });
        if (started.StatusCode != HttpStatusCode.Redirect || started.Headers.Location?.OriginalString.Split('/') is not [_, _, _, var id, ..])
        {
            return null;
        }

        var draftId = Guid.Parse(id);
        if (mirror.PricedItemNumbersOf(email) is [var item, ..])
        {
            await OrderingFlow.AddItemAsync(client, draftId, item, "2");
        }

        return draftId;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, FuzzRequest request, string cookieHeader)
    {
        using var message = request.ToMessage();
        if (cookieHeader.Length > 0)
        {
            message.Headers.Add("Cookie", cookieHeader);
        }

        return await client.SendAsync(message, Ct);
    }

    private static bool IsSentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

public enum FuzzBody
{
    Form = 1,
    Json = 2,
    Multipart = 3,
    Text = 4,
}

// One request the fuzz test sends: a target with its fields changed as Label says.
public sealed record FuzzRequest(string Label, string Method, string Path, IReadOnlyList<FuzzField> Fields, FuzzBody Body)
{
    private static readonly FuzzValue TwoMegabytes = FuzzValue.OfLength(2_000_000);

    public static IEnumerable<FuzzRequest> Mutations(FuzzTarget target, IReadOnlyDictionary<string, Type> types, Random random)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(random);
        var fields = target.Fields;
        var editable = fields.Select((f, i) => (Field: f, Index: i)).Where(f => f.Field.Name != FuzzTarget.Token).ToList();
        FuzzRequest With(string label, IEnumerable<FuzzField> changed, FuzzBody body = FuzzBody.Form, string? path = null) =>
            new(label, target.Method, path ?? target.Path, [.. changed], body);
        IEnumerable<FuzzField> Replace(int index, FuzzValue value) => fields.Select((f, i) => i == index ? f with { Encoded = value.Encoded } : f);
        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

        foreach (var (field, index) in editable)
        {
            var general = Pick(FuzzValues.General);
            var typed = Pick(FuzzValues.For(types.GetValueOrDefault(field.Name)));
            yield return With($"{field.Name} = {general.Label}", Replace(index, general));
            yield return With($"{field.Name} = {typed.Label}", Replace(index, typed));
        }

        if (editable.Count > 0)
        {
            var (missing, at) = Pick(editable);
            yield return With($"no {missing.Name}", fields.Where((_, i) => i != at));
            var (repeated, _) = Pick(editable);
            yield return With($"{repeated.Name} twice", fields.Append(repeated with { Encoded = Pick(FuzzValues.For(types.GetValueOrDefault(repeated.Name))).Encoded }));
            yield return With("no fields", fields.Where(f => f.Name == FuzzTarget.Token));
        }

        if (target.RouteTemplate?.Split('/') is { } template && target.Path.Split('?', 2) is [var routed, ..] && routed.Split('/') is { } segments
            && segments.Length == template.Length)
        {
            // The first route value (an order number, a draft id) replaced.
            var at = Array.FindIndex(template, s => s.StartsWith('{'));
            var value = Pick([FuzzValues.Numbers[3], new FuzzValue("lone surrogate in route", "%ED%A0%80"), new FuzzValue("RTL override in route", "%E2%80%AEfdp"),
                FuzzValue.OfLength(2_000), FuzzValues.Ids[1], FuzzValue.Plain("dots in route", "..")]);
            segments[at] = value.Encoded;
            yield return With($"route value = {value.Label}", fields, path: string.Join('/', segments) + target.Path[routed.Length..]);
        }

        if (!target.IsPost)
        {
            yield break;
        }

        yield return With("no antiforgery token", fields.Where(f => f.Name != FuzzTarget.Token));
        var body = Pick([FuzzBody.Json, FuzzBody.Multipart, FuzzBody.Text]);
        yield return With($"as {body}", fields, body);
        yield return random.Next(3) switch
        {
            0 => With("2 MB value", editable.Count == 0 ? fields.Append(new FuzzField("x", TwoMegabytes.Encoded)) : Replace(Pick(editable).Index, TwoMegabytes)),
            1 => With("1,100 fields", fields.Concat(Enumerable.Range(0, 1_100).Select(i => new FuzzField($"f{i}", "1")))),
            _ => With("300-character field name", fields.Append(new FuzzField(FuzzValue.LongText(300), "1"))),
        };
    }

    public HttpRequestMessage ToMessage()
    {
        if (Method != "POST")
        {
            var query = string.Join("&", Fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={f.Encoded}"));
            var separator = Path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            return new HttpRequestMessage(new HttpMethod(Method), query.Length == 0 ? Path : Path + separator + query);
        }

        return new HttpRequestMessage(HttpMethod.Post, Path) { Content = Content() };
    }

    private HttpContent Content()
    {
        switch (Body)
        {
            case FuzzBody.Json:
                return new StringContent(JsonSerializer.Serialize(Fields.DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Value)), Encoding.UTF8, "application/json");
            case FuzzBody.Multipart:
                var multipart = new MultipartFormDataContent();
                foreach (var field in Fields)
                {
                    multipart.Add(new StringContent(field.Value), field.Name);
                }

                return multipart;
            case FuzzBody.Text:
                return new StringContent(string.Join("\n", Fields.Select(f => $"{f.Name}={f.Value}")), Encoding.UTF8, "text/plain");
            default:
                var form = new ByteArrayContent(Encoding.ASCII.GetBytes(string.Join("&", Fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={f.Encoded}"))));
                form.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                return form;
        }
    }
}

// What the fuzz test did, for its output and the closing note.
public sealed class FuzzReport
{
    private readonly Dictionary<string, SortedDictionary<int, int>> _statuses = [];
    private readonly List<string> _targets = [];
    private readonly List<string> _sessionsEnded = [];

    public List<string> Failures { get; } = [];

    public int Requests => _statuses.Values.Sum(s => s.Values.Sum());

    public void Count(string persona, int status)
    {
        var statuses = _statuses.TryGetValue(persona, out var found) ? found : _statuses[persona] = [];
        statuses[status] = statuses.GetValueOrDefault(status) + 1;
    }

    public void SessionEnded(string persona, string recent) => _sessionsEnded.Add($"{persona}: session found ended; the requests before: {recent}");

    public void Targets(string persona, int targets, int mutations) =>
        _targets.Add($"{persona}: {targets} forms and handlers, {mutations} mutated requests drawn from");

    public string Summary(TimeSpan elapsed, int seed)
    {
        var all = new SortedDictionary<int, int>();
        foreach (var (status, count) in _statuses.Values.SelectMany(s => s))
        {
            all[status] = all.GetValueOrDefault(status) + count;
        }

        return $"Fuzz: {Requests} requests in {elapsed.TotalSeconds:0} s, seed {seed}; by status: {Statuses(all)}\n"
            + string.Join("\n", _statuses.Select(p => $"  {p.Key}: {p.Value.Values.Sum()} requests ({Statuses(p.Value)})"))
            + "\n  " + string.Join("\n  ", _targets.Concat(_sessionsEnded));

        static string Statuses(SortedDictionary<int, int> counts) => string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"));
    }
}
