namespace CustomerPortal.Core.Ordering;

// Why a known product cannot go on an order.
public enum ProductRefusal
{
    Retired = 1,
    NotActive = 2,
    NotOnPriceList = 3,
    WrongCurrency = 4,
}
