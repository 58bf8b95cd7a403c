using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CustomerPortal.Web.Tests.Isolation;

namespace CustomerPortal.Web.Tests.Fuzz;

// One field of a request, its value already URL-encoded (FuzzValue).
public sealed record FuzzField(string Name, string Encoded)
{
    public string Value => Uri.UnescapeDataString(Encoded.Replace('+', ' '));
}

// Something a persona can send: a rendered form with the values it was rendered with, or a handler
// from the endpoint table with plausible values. Path may carry ?handler=.
public sealed record FuzzTarget(string Method, string Path, IReadOnlyList<FuzzField> Fields, string? RouteTemplate = null)
{
    public string Key => $"{Method} {Path} {string.Join(",", Fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal))}";

    public bool IsPost => Method == "POST";

    // Every form of the page, once per submit button (buttons may post to another handler, or name themselves).
    public static IEnumerable<FuzzTarget> FromPage(IDocument page)
    {
        foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            var submitters = form.QuerySelectorAll<IHtmlElement>("button[type=submit], button:not([type]), input[type=submit]").Cast<IHtmlElement?>().DefaultIfEmpty();
            foreach (var submitter in submitters)
            {
                var submission = submitter is null ? form.GetSubmission() : form.GetSubmission(submitter);
                if (submission is null)
                {
                    continue;
                }

                var target = new Uri(submission.Target.Href);
                var method = submission.Method.ToString().ToUpperInvariant();
                if (method == "POST")
                {
                    using var reader = new StreamReader(submission.Body);
                    // A file upload form's body is multipart: its fields are read from the form instead, the file
                    // as a plain value (the fuzzer sends text where a file goes; the upload tests send files).
                    var body = submission.MimeType?.StartsWith("multipart/", StringComparison.Ordinal) == true
                        ? string.Join("&", form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name))
                            .Select(i => $"{Uri.EscapeDataString(i.Name!)}={Uri.EscapeDataString(i.Type == "file" ? "lines.csv" : i.Value)}"))
                        : reader.ReadToEnd();
                    yield return new FuzzTarget(method, target.PathAndQuery, Parse(body));
                }
                else
                {
                    yield return new FuzzTarget(method, target.AbsolutePath, Parse(target.Query.TrimStart('?')));
                }
            }
        }
    }

    // Every handler the endpoint table declares, with plausible values for its fields.
    public static IEnumerable<FuzzTarget> FromRoute(PortalRoute route, IReadOnlyDictionary<string, string> routeValues, string? token)
    {
        ArgumentNullException.ThrowIfNull(route);
        var path = UrlOf(route, routeValues);
        foreach (var handler in route.Handlers)
        {
            var url = handler.Name is null ? path : $"{path}?handler={handler.Name}";
            var fields = handler.Fields.DistinctBy(f => f.Name).Select(f => new FuzzField(f.Name, Uri.EscapeDataString(Plausible(f.Type)))).ToList();
            if (handler.HttpMethod == "POST" && token is not null)
            {
                fields.Add(new FuzzField(Token, Uri.EscapeDataString(token)));
            }

            yield return new FuzzTarget(handler.HttpMethod, url, fields, route.RouteValues.Count > 0 ? route.Template : null);
        }
    }

    // The route's URL with the given values (an order number, a draft id) or plausible ones.
    public static string UrlOf(PortalRoute route, IReadOnlyDictionary<string, string> routeValues)
    {
        ArgumentNullException.ThrowIfNull(route);
        var path = System.Text.RegularExpressions.Regex.Replace(route.Template, @"\{\*?([a-zA-Z]+)(:[a-z]+)?\??\}",
            m => Uri.EscapeDataString(routeValues.GetValueOrDefault(m.Groups[1].Value) ?? (m.Groups[2].Success ? "1" : "fuzz")));
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    public const string Token = "__RequestVerificationToken";

    private static List<FuzzField> Parse(string encoded) => [.. encoded.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(pair => new FuzzField(Uri.UnescapeDataString(pair[0].Replace('+', ' ')), pair.Length > 1 ? pair[1] : ""))];

    private static string Plausible(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain == typeof(Guid) ? "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
            : plain == typeof(bool) ? "true"
            : plain == typeof(DateOnly) || plain == typeof(DateTime) || plain == typeof(DateTimeOffset) ? "2026-03-02"
            : plain.IsEnum ? Enum.GetNames(plain)[0]
            : plain == typeof(string) ? "fuzz"
            : 1.ToString(CultureInfo.InvariantCulture);
    }
}
