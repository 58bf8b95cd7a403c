namespace CustomerPortal.DualWrite;

// Dataverse column types as the Web API serialises them.
public enum ColumnType
{
    Text,
    UniqueIdentifier,
    Lookup,
    TwoOptions,
    Money,
    DecimalNumber,
    DateTime,
    DateOnly,
    Choice,
    WholeNumber,
}
