namespace CustomerPortal.Core.Ordering;

// The contact fields Microsoft's template needs before it can create an order (msdyn_company,
// parentcustomerid, defaultpricelevelid, transactioncurrencyid, the ship-to country).
public enum OrderingField
{
    Company = 1,
    CustomerAccount = 2,
    PriceList = 3,
    Currency = 4,
    ShipToCountry = 5,
}
