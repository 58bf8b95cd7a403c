namespace CustomerPortal.Web.Tests.Onboarding;

// The demo contacts the seed prepares for invitations (Seed/Generation/DemoInvitees.cs).
public static class DemoContacts
{
    public const string PreparedEmail = "invitee@contoso.example";
    public const string UnpreparedEmail = "unprepared@contoso.example";
    public const string NewPassword = "Harbour lantern 47 river";

    public static Guid IdOf(SeededPortalData data, string email) =>
        MirrorQueries.Open(data.MirrorPath).ContactIdByEmail(email);
}
