using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// The customer accounts and their contacts. PersonaContactIds lines up with the profile's personas:
// the contact each persona signs in as, or null for the administrator.
internal sealed record Customers(IReadOnlyList<SeedAccount> Accounts, IReadOnlyList<ContactRow> Contacts, IReadOnlyList<Guid?> PersonaContactIds);
