namespace CustomerPortal.Core.Ordering;

public enum QuantityProblem
{
    NotPositive = 1,
    TooManyDecimals = 2,
    TooLarge = 3,
}
