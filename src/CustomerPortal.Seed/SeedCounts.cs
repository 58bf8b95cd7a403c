namespace CustomerPortal.Seed;

// How much of everything a profile generates.
public sealed record SeedCounts(int Companies, int Accounts, int Contacts, int Products, int Orders, LinesPerOrderRange LinesPerOrder);
