namespace CustomerPortal.Web.Demo;

// One entry of personas[] in seed-profile.json (written by the seed from seed/demo.json).
public sealed record DemoPersona(
    string Email,
    string Password,
    string Role,
    string? Description,
    string? FirstName,
    string? LastName,
    string? AccountNumber)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}
