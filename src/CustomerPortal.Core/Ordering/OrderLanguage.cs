namespace CustomerPortal.Core.Ordering;

// salesorder.msdyn_language. Only the values the portal writes are listed; Dataverse has 42.
public enum OrderLanguage
{
    EnglishUnitedStates = 192350015,
}
