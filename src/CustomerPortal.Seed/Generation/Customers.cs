using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// The contacts of the customer accounts (each account's own are in SeedAccount.Contacts). PersonaContactIds
// lines up with the profile's personas: the contact each persona signs in as, or null for the administrator.
internal sealed record Customers(IReadOnlyList<ContactRow> Contacts, IReadOnlyList<Guid?> PersonaContactIds);
