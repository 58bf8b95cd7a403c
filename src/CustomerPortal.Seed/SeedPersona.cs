namespace CustomerPortal.Seed;

// Someone who can sign in to the seeded portal. Role is one of CustomerPortal.Core.PortalRoles; customer
// roles act for the customer account AccountNumber (e.g. US-0001) through one of its contacts.
// Description is what the demo sign-in page says about the persona; Descriptions the same in other
// languages, keyed by culture name ("fr-FR"), for readers of those languages.
public sealed record SeedPersona(
    string Email,
    string Password,
    string Role,
    string? AccountNumber,
    string FirstName,
    string LastName,
    string? Description,
    IReadOnlyDictionary<string, string> Descriptions)
{
    public string DisplayName => $"{FirstName} {LastName}";

    // Keep the password out of logs and test output.
    public override string ToString() => $"{DisplayName} <{Email}> ({Role}{(AccountNumber is null ? "" : ", " + AccountNumber)})";
}
