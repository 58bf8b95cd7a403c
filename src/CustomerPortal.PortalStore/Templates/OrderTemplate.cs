namespace CustomerPortal.PortalStore.Templates;

// A named list of products and quantities a buyer orders again and again ("order templates" in the
// portal's words). It belongs to one customer account and legal entity, and to the user who saved it:
// a representative's template is shared with the whole account, an authorized user's stays theirs.
public sealed class OrderTemplate
{
    public const int MaxNameLength = 100;

    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public Guid CompanyId { get; set; }

    public string OwnerUserId { get; set; } = "";

    // Kept as it was at saving, so the list needs no join to the users (and a removed owner still has a name).
    public string OwnerName { get; set; } = "";

    public bool IsShared { get; set; }

    public string Name { get; set; } = "";

    // Name trimmed and upper-cased: what "the same name" means, on both providers, for the unique index.
    public string NormalizedName { get; set; } = "";

    public DateTime CreatedOn { get; set; }

    public DateTime ModifiedOn { get; set; }

    public List<OrderTemplateLine> Lines { get; set; } = [];

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToUpperInvariant();
    }
}
