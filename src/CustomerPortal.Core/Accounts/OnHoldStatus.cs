namespace CustomerPortal.Core.Accounts;

// account.msdyn_onholdstatus.
public enum OnHoldStatus
{
    No = 806380000,
    Invoice = 806380001,
    All = 806380002,
    Payment = 806380003,
    Requisition = 806380004,
    Never = 806380005,
}
