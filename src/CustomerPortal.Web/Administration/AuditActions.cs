namespace CustomerPortal.Web.Administration;

// The words stored in AuditEntry.Action; the audit page shows them through "Audit.<word>" resources.
public static class AuditActions
{
    public const string InvitationSent = "InvitationSent";
    public const string InvitationResent = "InvitationResent";
    public const string InvitationRevoked = "InvitationRevoked";
    public const string InvitationRedeemed = "InvitationRedeemed";
    public const string UserLocked = "UserLocked";
    public const string UserUnlocked = "UserUnlocked";
    public const string RoleChanged = "RoleChanged";
    public const string AccessRemoved = "AccessRemoved";
    public const string AccessDisabled = "AccessDisabled";
    public const string PasswordReset = "PasswordReset";
    public const string RegistrationApproved = "RegistrationApproved";
    public const string RegistrationRejected = "RegistrationRejected";
    public const string AdministratorCreated = "AdministratorCreated";
    public const string DemoUserRemoved = "DemoUserRemoved";

    public static readonly IReadOnlyList<string> All =
        [InvitationSent, InvitationResent, InvitationRevoked, InvitationRedeemed, UserLocked, UserUnlocked, RoleChanged, AccessRemoved, AccessDisabled,
         PasswordReset, RegistrationApproved, RegistrationRejected, AdministratorCreated, DemoUserRemoved];
}
