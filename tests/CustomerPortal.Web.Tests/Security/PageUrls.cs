using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Web.Tests.Security;

// The pages a signed-in user can reach: the home page and every same-site link found from it,
// two levels deep, so new pages in the navigation are checked without being listed here.
public static class PageUrls
{
    public static async Task<IReadOnlyList<string>> ForSignedInAsync(PortalClient client, int maxPages = 40)
    {
        var seen = new List<string> { "/" };
        var queue = new Queue<(string Url, int Depth)>([("/", 0)]);
        while (queue.Count > 0 && seen.Count < maxPages)
        {
            var (url, depth) = queue.Dequeue();
            var (response, document) = await client.GetAsync(url);
            if (depth >= 2 || !response.IsSuccessStatusCode)
            {
                continue;
            }

            foreach (var href in document.QuerySelectorAll<IHtmlAnchorElement>("a[href^='/']").Select(a => a.GetAttribute("href")!))
            {
                var path = href.Split('#')[0];
                if (path.Length == 0 || path.StartsWith("//", StringComparison.Ordinal) || seen.Contains(path) || path.Contains("Logout", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                seen.Add(path);
                queue.Enqueue((path, depth + 1));
                if (seen.Count >= maxPages)
                {
                    break;
                }
            }
        }

        return seen;
    }
}
