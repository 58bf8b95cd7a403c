using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Isolation;

// Signed in as each customer persona, every discovered page is asked for other customers' rows (and,
// for an authorized user, colleagues' rows): in the route, in the query string, and in every form
// field of every handler. Nothing may leak into a response, and nothing outside the persona's own
// user and contact may change.
public sealed class IsolationSweepTests(SeededPortalData data)
{
    // The credential pages take no customer data, are rate-limited and have their own tests; posting
    // foreign values at them would only sign the persona out or count failed sign-ins.
    private static readonly string[] CredentialPages = ["/Account/Login", "/Account/Logout", "/Account/LoginWith2fa", "/Invitation",
        "/Account/ForgotPassword", "/Account/ResetPassword"];

    public static TheoryData<string> CustomerPersonas => [Personas.Representative, Personas.AuthorizedUser, Personas.OtherCustomer];

    [Fact]
    public async Task SweepFindsThePagesThatTakeIdsAndNumbers()
    {
        using var portal = new PortalFactory(data);
        _ = portal.Server;

        var routes = await PortalRoute.DiscoverAsync(portal.Services);

        var dump = string.Join("\n", routes.Select(r => $"{r.Page} {r.Template} {string.Join(";", r.Handlers.Select(h => h.HttpMethod + h.Name + "(" + string.Join(",", h.Fields.Select(f => f.Name)) + ")"))}"));
        Assert.True(routes.Any(r => r.Template.Contains("{number}", StringComparison.Ordinal)), dump);
        Assert.Contains(routes, r => r.Page == "/Invoices/Details" && r.Template.Contains("{number}", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Page == "/Orders/Templates/Details" && r.Template.Contains("{id:guid}", StringComparison.Ordinal)
            && r.Handlers.Any(h => h.Name == "Order" && h.Fields.Any(f => f.Name == "selected")));
        Assert.Contains(routes, r => r.Page == "/Orders/Templates/New" && r.Handlers.Any(h => h.Fields.Any(f => f.Name == "draft")));
        Assert.True(routes.Any(r => r.Page == "/Team/Index" && r.Handlers.Any(h => h.Fields.Any(f => f.Name == "contactId"))), dump);
        Assert.Contains(routes, r => r.Page == "/Admin/Invitations/Index" && r.Handlers.Any(h => h.Fields.Any(f => f.Name == "Input.ContactId")));
        Assert.Contains(routes, r => r.Page == "/Admin/Registrations/Index" && r.Handlers.Any(h => h.Fields.Any(f => f.Name == "Approve.ContactId")));
        Assert.Contains(routes, r => r.Page == "/Account/Register" && r.Handlers.Any(h => h.Fields.Any(f => f.Name == "Input.AccountNumber")));
    }

    [Theory]
    [MemberData(nameof(CustomerPersonas))]
    public async Task NoPageLeaksOrChangesAnotherCustomersRows(string persona)
    {
        using var portal = new PrivatePortalFactory(data);
        portal.Set("Security:CredentialPostsPerIpPerMinute", "100000");
        portal.Set("Security:CredentialPostsPerAccountPerMinute", "100000");
        // Access requests on, so their pages are swept too.
        portal.Set("Registration:AllowSelfRegistration", "true");

        // An open invitation and a portal user of another customer, so their ids are swept too.
        using (var admin = portal.CreatePortalClient())
        {
            await admin.SignInAsync(Personas.Administrator, Personas.AdministratorPassword);
            var page = await admin.GetPageAsync("/Admin/Invitations?search=" + (persona == Personas.OtherCustomer ? "US-0001" : "DE-0001"));
            var form = page.QuerySelectorAll<IHtmlFormElement>("form.invite-form").First();
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(form)).StatusCode);
        }

        var store = PortalStoreQueries.Open(portal.PortalStorePath);
        var ownUserId = store.Scalar("SELECT Id FROM AspNetUsers WHERE NormalizedEmail = $p0", persona.ToUpperInvariant())!;
        var invitationIds = IdsOf(store, "SELECT Id FROM PortalInvitations");
        var otherUserIds = StringsOf(store, "SELECT Id FROM AspNetUsers WHERE Id <> $p0", ownUserId);
        var mirror = MirrorQueries.Open(portal.MirrorPath);
        var templates = await ForeignTemplates.CreateAsync(portal, mirror, store, persona);
        var foreign = ForeignRows.For(mirror, persona, [.. invitationIds, .. templates.Keys], otherUserIds) with { TemplateNames = [.. templates.Values] };
        Assert.NotEmpty(foreign.OrderNumbers);
        Assert.NotEmpty(foreign.InvoiceNumbers);

        using var client = portal.CreatePortalClient();
        await client.SignInAsync(persona, Personas.Password);
        var token = (await client.GetPageAsync("/")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var storeBefore = store.Fingerprint(ownUserId);
        var mirrorBefore = MirrorFingerprint(portal.MirrorPath, foreign.ContactId);

        var routes = await PortalRoute.DiscoverAsync(portal.Services);
        var failures = new List<string>();
        var requests = 0;
        foreach (var route in routes.Where(r => !CredentialPages.Contains(r.Page)))
        {
            foreach (var (idValue, textValue) in Values(foreign))
            {
                var path = FillRoute(route.Template, idValue, textValue);
                // Ids and texts carry other customers' rows; numbers, dates and flags are the fuzz test's (Fuzz/).
                foreach (var handler in route.Handlers.Select(h => h with { Fields = [.. h.Fields.Where(f => f.Kind != FieldKind.Value)] }))
                {
                    var tampersRoute = route.RouteValues.Count > 0 && route.RouteValues.Any(v => v is not "code");
                    if (handler.Fields.Count == 0 && !tampersRoute)
                    {
                        continue;
                    }

                    var fields = handler.Fields.DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Kind == FieldKind.Id ? idValue.ToString() : textValue);
                    using var request = Request(handler, path, fields, token);
                    var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
                    requests++;
                    var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                    var what = $"{persona} {handler.HttpMethod} {request.RequestUri} [{string.Join(", ", fields.Keys)}] → {(int)response.StatusCode}";
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add(what + ": server error");
                    }

                    // Whatever the handler answers (a page or the items step's JSON suggestions), a foreign id in the route is 404.
                    if (tampersRoute && handler.HttpMethod == "GET" && response.StatusCode == HttpStatusCode.OK && !route.Template.Contains("code", StringComparison.Ordinal))
                    {
                        failures.Add(what + ": a foreign value in the route was answered");
                    }

                    failures.AddRange(foreign.LeaksIn(html).Select(leak => $"{what}: shows {leak}"));
                }
            }
        }

        Assert.True(requests > 100, $"The sweep made only {requests} requests.");
        Assert.True(failures.Count == 0, $"{failures.Count} leaks or failures in {requests} requests:\n" + string.Join("\n", failures.Take(15)));
        Assert.Equal(storeBefore, store.Fingerprint(ownUserId));
        Assert.Equal(mirrorBefore, MirrorFingerprint(portal.MirrorPath, foreign.ContactId));
    }

    private static IEnumerable<(Guid Id, string Text)> Values(ForeignRows foreign)
    {
        var count = Math.Max(foreign.Ids.Count, foreign.Texts.Count);
        for (var i = 0; i < count; i++)
        {
            yield return (foreign.Ids[i % foreign.Ids.Count], foreign.Texts[i % foreign.Texts.Count]);
        }
    }

    // Ids (drafts, order templates) get a foreign id, other values a foreign text.
    private static string FillRoute(string template, Guid id, string value)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{\*?([a-zA-Z]+)(:int|:guid)?\??\}",
            m => m.Groups[2].Value == ":int" ? "404" : m.Groups[2].Value == ":guid" ? id.ToString() : Uri.EscapeDataString(value));
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static HttpRequestMessage Request(RouteHandler handler, string path, Dictionary<string, string> fields, string token)
    {
        var query = handler.Name is null ? "" : "handler=" + handler.Name;
        if (handler.HttpMethod == "GET")
        {
            var pairs = fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}").Prepend(query).Where(p => p.Length > 0);
            return new HttpRequestMessage(HttpMethod.Get, path + "?" + string.Join("&", pairs));
        }

        // Posted ids also go in the query string, where a handler parameter would find them too.
        var url = path + "?" + string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}").Prepend(query).Where(p => p.Length > 0));
        return new HttpRequestMessage(new HttpMethod(handler.HttpMethod), url)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
    }

    private static List<Guid> IdsOf(PortalStoreQueries store, string sql) => [.. StringsOf(store, sql).Select(Guid.Parse)];

    private static List<string> StringsOf(PortalStoreQueries store, string sql, params object[] parameters) => store.Strings(sql, parameters);

    // The customer-owned contact fields of every contact but the persona's own (which it may edit).
    private static string MirrorFingerprint(string mirrorPath, Guid ownContactId) => string.Join("\n", MirrorQueries.Open(mirrorPath)
        .Strings("SELECT contactid || '|' || ifnull(telephone1, '') || '|' || ifnull(jobtitle, '') || '|' || ifnull(emailaddress1, '') FROM contact WHERE upper(contactid) <> $p0 ORDER BY contactid",
            ownContactId.ToString().ToUpperInvariant()));
}
