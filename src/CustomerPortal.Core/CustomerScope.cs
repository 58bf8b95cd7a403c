namespace CustomerPortal.Core;

// Who is asking, as far as customer data is concerned. Every port method that returns customer rows
// takes one, so "a customer sees only their own rows" holds in every data source by construction.
// Built from the signed-in user's claims; never from anything the browser sends.
public sealed record CustomerScope(
    Guid ContactId,
    Guid AccountId,
    Guid CompanyId,
    Guid? PriceListId,
    CustomerRole Role)
{
    // Customer representatives see every order of their account; authorized users only the orders
    // where they are the contact person (the template's Account and Contact access scopes).
    public bool SeesWholeAccount => Role == CustomerRole.CustomerRepresentative;
}
