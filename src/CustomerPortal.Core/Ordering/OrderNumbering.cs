using System.Globalization;

namespace CustomerPortal.Core.Ordering;

// Portal order numbers: a prefix of our own and a zero-padded counter per legal entity, e.g. CP-0000042.
// Dataverse and Supply Chain Management number sequences are not linked, so the prefix must not
// overlap the seller's own sequence (SO-...), or the two systems would hand out the same number.
public sealed record OrderNumbering
{
    public const string DefaultPrefix = "CP-";
    public const int Digits = 7;

    // msdyn_salesordernumber is a 20-character string.
    private const int MaxNumberLength = 20;

    public OrderNumbering(string prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix) || prefix.Length + Digits > MaxNumberLength
            || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/'))
        {
            throw new ArgumentException(
                $"The order number prefix '{prefix}' must be 1 to {MaxNumberLength - Digits} letters, digits, '-', '_' or '/'.", nameof(prefix));
        }

        Prefix = prefix;
    }

    public static OrderNumbering Default { get; } = new(DefaultPrefix);

    public string Prefix { get; }

    public string Format(long sequence) => Prefix + sequence.ToString("D" + Digits, CultureInfo.InvariantCulture);

    public long? SequenceOf(string orderNumber) =>
        orderNumber.StartsWith(Prefix, StringComparison.Ordinal)
        && long.TryParse(orderNumber.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
}
