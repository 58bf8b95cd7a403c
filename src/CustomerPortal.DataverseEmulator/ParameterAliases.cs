using System.Text;

namespace CustomerPortal.DataverseEmulator;

// Parameter aliases ("Use parameter aliases with system query options"): $filter=name eq @p1&@p1='x'. Dataverse
// allows them in $filter and $orderby; anywhere else (inside $expand, $top, key segments) the alias stays
// as written and fails as the query would. An alias that is used but not given a value is null (OData).
internal static class ParameterAliases
{
    private static readonly string[] Substituted = ["$filter", "$orderby"];

    public static void Apply(Dictionary<string, string> options)
    {
        var aliases = options.Where(o => o.Key.StartsWith('@')).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        foreach (var alias in aliases.Keys)
        {
            options.Remove(alias);
        }

        foreach (var option in Substituted)
        {
            if (options.TryGetValue(option, out var text) && text.Contains('@', StringComparison.Ordinal))
            {
                options[option] = Substitute(text, aliases);
            }
        }
    }

    private static string Substitute(string text, Dictionary<string, string> aliases)
    {
        var result = new StringBuilder(text.Length);
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }

            if (quoted || c != '@')
            {
                result.Append(c);
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            result.Append(aliases.GetValueOrDefault(text[i..end]) ?? "null");
            i = end - 1;
        }

        return result.ToString();
    }
}
