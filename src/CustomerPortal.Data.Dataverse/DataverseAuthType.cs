namespace CustomerPortal.Data.Dataverse;

// The ServiceClient AuthType values the portal supports: it signs in as an application user only.
internal enum DataverseAuthType
{
    ClientSecret = 1,
    Certificate = 2,
}
