using System.Collections;
using System.Globalization;
using System.Reflection;

namespace CustomerPortal.Tests.DataSource;

// Field-by-field comparison of what two data sources answered, so a column one adapter fills and the
// other leaves at its default fails and says where. Core records have value equality, but a record
// holding an IReadOnlyList compares that list by reference, so records are walked property by property
// instead: every public property (computed ones such as IsReady and Missing too, as pages show them),
// lists element by element, with the path of each difference.
internal sealed class RecordDifferences(string left, string right)
{
    private const int MaxReported = 15;
    private readonly List<string> _differences = [];
    private int _records;

    // One record (or null: "not found" must agree too) from each source, named so a failure says which.
    public void Compare(string record, object? leftValue, object? rightValue)
    {
        _records++;
        Walk(record, leftValue, rightValue, depth: 0);
    }

    // A list whose order the port promises (both adapters sort with the same keys and an id as the last
    // tie-breaker), compared in that order: a record missing, extra or out of place is a difference.
    public void CompareList<T>(string list, IReadOnlyList<T> leftItems, IReadOnlyList<T> rightItems, Func<T, string> name)
    {
        var leftNames = leftItems.Select(name).ToList();
        var rightNames = rightItems.Select(name).ToList();
        if (!leftNames.SequenceEqual(rightNames, StringComparer.Ordinal))
        {
            var at = Enumerable.Range(0, Math.Min(leftNames.Count, rightNames.Count)).FirstOrDefault(i => leftNames[i] != rightNames[i], -1);
            _differences.Add(at < 0
                ? $"{list}: {left} returned {leftNames.Count} records, {right} {rightNames.Count}"
                : $"{list}[{at}]: {left} has {leftNames[at]}, {right} has {rightNames[at]} ({leftNames.Count} vs {rightNames.Count} records)");
            return;
        }

        for (var i = 0; i < leftItems.Count; i++)
        {
            Compare($"{list}[{i}] {leftNames[i]}", leftItems[i], rightItems[i]);
        }
    }

    public void AssertNone()
    {
        Assert.True(_records > 0, "Nothing was compared.");
        Assert.True(_differences.Count == 0,
            $"{_differences.Count} field(s) differ between {left} and {right} over {_records} records:\n"
            + string.Join("\n", _differences.Take(MaxReported))
            + (_differences.Count > MaxReported ? $"\n… and {_differences.Count - MaxReported} more" : ""));
    }

    private void Walk(string path, object? a, object? b, int depth)
    {
        if (a is null || b is null)
        {
            if (a is not null || b is not null)
            {
                Differ(path, a, b);
            }

            return;
        }

        // Lists are compared by content: one adapter's List<T> and the other's array hold the same lines.
        if (a is IEnumerable and not string and not IDictionary && b is IEnumerable and not string and not IDictionary)
        {
            var xs = ((IEnumerable)a).Cast<object?>().ToList();
            var ys = ((IEnumerable)b).Cast<object?>().ToList();
            if (xs.Count != ys.Count)
            {
                _differences.Add($"{path}: {left} has {xs.Count} items, {right} {ys.Count}");
            }

            for (var i = 0; i < Math.Min(xs.Count, ys.Count); i++)
            {
                Walk($"{path}[{i}]", xs[i], ys[i], depth + 1);
            }

            return;
        }

        if (a.GetType() != b.GetType())
        {
            Differ(path, a, b);
            return;
        }

        switch (a)
        {
            // 12.5m == 12.5000m: decimal equality ignores scale, and the scale of an amount is storage
            // detail (the mirror keeps decimals as text, Dataverse money has four places); the page
            // formats with the currency's precision. A different value is still different.
            case decimal x when x != (decimal)b:
                Differ(path, a, b);
                return;
            case DateTime x when Instant(x) != Instant((DateTime)b):
                Differ(path, a, b);
                return;
            case decimal or DateTime:
                return;
            case Guid or DateOnly or TimeOnly or DateTimeOffset or IConvertible:
                if (!a.Equals(b))
                {
                    Differ(path, a, b);
                }

                return;
            case IDictionary:
                throw new ArgumentException($"{path}: turn dictionaries into key-sorted lists before comparing.", nameof(a));
        }

        Assert.True(depth < 8, $"{path}: records nest too deep to compare.");
        foreach (var property in a.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Walk($"{path}.{property.Name}", property.GetValue(a), property.GetValue(b), depth + 1);
            }
        }
    }

    // The mirror stores UTC and EF hands it back with Kind Unspecified; the Web API writes "Z" and the
    // adapter gets Kind Utc. Both are the same instant, which is what the pages show (in UTC), so the
    // kind is not compared; a different instant, to the tick, still is.
    private static long Instant(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    private void Differ(string path, object? a, object? b) =>
        _differences.Add($"{path}: {left} {Show(a)}, {right} {Show(b)}");

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        DateTime d => $"{d.ToString("O", CultureInfo.InvariantCulture)} ({d.Kind})",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };
}
