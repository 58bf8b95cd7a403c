namespace CustomerPortal.Core.Ordering;

// A field an order needs that the contact record lacks, and who can fix it.
public sealed record MissingOrderingField(OrderingField Field, OrderingContactPoint AskWhom)
{
    // Linking a contact to a customer account and legal entity is what the portal administrator does
    // when inviting people; price lists, currencies and countries are the seller's commercial set-up.
    public static MissingOrderingField For(OrderingField field) => new(field, field switch
    {
        OrderingField.Company or OrderingField.CustomerAccount => OrderingContactPoint.PortalAdministrator,
        _ => OrderingContactPoint.SellerCustomerService,
    });
}

public enum OrderingContactPoint
{
    PortalAdministrator = 1,
    SellerCustomerService = 2,
}
