namespace CustomerPortal.Seed.Generation;

// What went into a mirror file: rows per table, and the contacts the personas sign in as.
internal sealed record MirrorContents(
    int Companies,
    int Currencies,
    int Units,
    int PriceLists,
    int PriceListItems,
    int Products,
    int Accounts,
    int Contacts,
    int SalesOrders,
    int SalesOrderLines,
    IReadOnlyList<Guid?> PersonaContactIds);
