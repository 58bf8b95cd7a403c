namespace CustomerPortal.Seed.Generation;

// A postal address orders can ship to; Country is the country name, as shipto_country holds it.
internal sealed record DeliveryAddress(
    string Description,
    string Line1,
    string? Line2,
    string City,
    string? StateOrProvince,
    string PostalCode,
    string Country);
