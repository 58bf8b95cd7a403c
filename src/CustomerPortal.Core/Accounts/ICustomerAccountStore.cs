namespace CustomerPortal.Core.Accounts;

public interface ICustomerAccountStore
{
    Task<CustomerAccount?> GetAsync(CustomerScope scope, CancellationToken cancellationToken);

    // The contacts of the scope's account; an authorized user only ever gets their own contact back.
    Task<IReadOnlyList<AccountContact>> ListContactsAsync(CustomerScope scope, CancellationToken cancellationToken);
}
