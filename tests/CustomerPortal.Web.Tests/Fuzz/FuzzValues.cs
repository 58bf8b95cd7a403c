namespace CustomerPortal.Web.Tests.Fuzz;

// A value as it travels in a form body or query string: already URL-encoded, so that bytes no .NET
// string can hold (a lone surrogate's UTF-8, a broken escape) can be sent too.
public sealed record FuzzValue(string Label, string Encoded)
{
    public static FuzzValue Plain(string label, string value) => new(label, Uri.EscapeDataString(value));

    public static FuzzValue OfLength(int length) => Plain($"{length / 1000} KB", LongText(length));

    // Long values repeat this, so the test can recognise one echoed in the server log.
    public const string LongPattern = "Ab1-";

    public static string LongText(int length) => string.Concat(Enumerable.Repeat(LongPattern, (length / LongPattern.Length) + 1))[..length];
}

// The catalogue of hostile values. Every field gets some of the general ones; fields bound to numbers,
// dates, ids or flags also get the ones aimed at their type.
public static class FuzzValues
{
    public static readonly IReadOnlyList<FuzzValue> General =
    [
        FuzzValue.OfLength(30_000),
        FuzzValue.OfLength(100_000),
        FuzzValue.Plain("empty", ""),
        FuzzValue.Plain("spaces", "   "),
        FuzzValue.Plain("NUL", "a\0b"),
        FuzzValue.Plain("control characters", "\u0001\u0007\u001b[2J\u007f"),
        FuzzValue.Plain("line breaks", "a\r\nb\rc\nd"),
        FuzzValue.Plain("RTL override", "\u202Egnp.exe"),
        FuzzValue.Plain("emoji", "📦🚚👩‍👩‍👧‍👦"),
        FuzzValue.Plain("combining marks", "Z̴̡̛͓a̷̘͝l̸̢̛g̵̱̀o̶͚͐"),
        FuzzValue.Plain("zero-width", "\u200B\uFEFF\u2060"),
        new("lone surrogate", "%ED%A0%80"),
        new("broken escape", "%zz%"),
        new("overlong UTF-8", "%C0%AE%C0%AE%2F"),
        FuzzValue.Plain("markup", "<script>alert(1)</script>\"'&"),
        FuzzValue.Plain("formula", "=HYPERLINK(\"http://x\")"),
        FuzzValue.Plain("path", "../../etc/passwd"),
    ];

    public static readonly IReadOnlyList<FuzzValue> Numbers =
    [
        FuzzValue.Plain("-1", "-1"),
        FuzzValue.Plain("0", "0"),
        FuzzValue.Plain("int max", "2147483647"),
        FuzzValue.Plain("past int max", "2147483648"),
        FuzzValue.Plain("int min", "-2147483648"),
        FuzzValue.Plain("long max", "9223372036854775807"),
        FuzzValue.Plain("decimal max", "79228162514264337593543950335"),
        FuzzValue.Plain("past decimal max", "79228162514264337593543950336"),
        FuzzValue.Plain("decimal min", "-79228162514264337593543950335"),
        FuzzValue.Plain("1e400", "1e400"),
        FuzzValue.Plain("NaN", "NaN"),
        FuzzValue.Plain("Infinity", "Infinity"),
        FuzzValue.Plain("many decimals", "0.0000000000000000000000000001"),
        FuzzValue.Plain("comma decimal", "1,5"),
        FuzzValue.Plain("hex", "0x10"),
        FuzzValue.Plain("30 digits", new string('9', 30)),
    ];

    public static readonly IReadOnlyList<FuzzValue> Dates =
    [
        FuzzValue.Plain("February 30", "2026-02-30"),
        FuzzValue.Plain("year 1", "0001-01-01"),
        FuzzValue.Plain("year 9999", "9999-12-31"),
        FuzzValue.Plain("hour 25", "9999-12-31T25:00"),
        FuzzValue.Plain("year 0", "0000-00-00"),
        FuzzValue.Plain("year 10000", "10000-01-01"),
        FuzzValue.Plain("written date", "30/02/2026"),
    ];

    public static readonly IReadOnlyList<FuzzValue> Ids =
    [
        FuzzValue.Plain("empty id", Guid.Empty.ToString()),
        FuzzValue.Plain("short id", "0000-0000"),
        FuzzValue.Plain("braced id", "{" + Guid.Empty + "}"),
        FuzzValue.Plain("number as id", "12345"),
    ];

    public static readonly IReadOnlyList<FuzzValue> Flags =
    [
        FuzzValue.Plain("yes", "yes"),
        FuzzValue.Plain("two flags", "true,false"),
        FuzzValue.Plain("flag 2", "2"),
    ];

    // The values aimed at a field of this type; for fields of no known type (the rendered form has them,
    // no handler declares them), a little of everything.
    public static IReadOnlyList<FuzzValue> For(Type? type)
    {
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return plain == typeof(Guid) ? Ids
            : plain == typeof(bool) ? Flags
            : plain == typeof(DateOnly) || plain == typeof(DateTime) || plain == typeof(DateTimeOffset) ? Dates
            : plain is not null && (plain.IsPrimitive || plain == typeof(decimal) || plain.IsEnum) ? Numbers
            : [.. Numbers.Take(4), .. Dates.Take(2), Ids[0]];
    }
}
