namespace CustomerPortal.Core.Contacts;

// The contact fields the customer owns and edits on their profile (telephone1, jobtitle).
public sealed record ContactDetails(string? Phone, string? JobTitle)
{
    public const int MaxPhoneLength = 50;
    public const int MaxJobTitleLength = 100;
}
