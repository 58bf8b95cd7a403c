using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

internal sealed class DataverseCustomerAccountStore(DataverseWebApi api) : ICustomerAccountStore
{
    public async Task<CustomerAccount?> GetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (await api.RowsAsync<AccountRow>(ODataText.Query("accounts",
            ("$select", DataverseRows.Select<AccountRow>()),
            ("$filter", $"accountid eq {ODataText.Guid(scope.AccountId)} and _msdyn_company_value eq {ODataText.Guid(scope.CompanyId)}"),
            ("$expand", string.Join(",", DataverseRows.Expand<AccountRow>("msdyn_company"),
                DataverseRows.Expand<AccountRow>("transactioncurrencyid"), DataverseRows.Expand<AccountRow>("defaultpricelevelid")))), cancellationToken))
            .Select(Records.Compiled(Records.CustomerAccount)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<AccountContact>> ListContactsAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var contacts = await api.AllRowsAsync<ContactRow>(ODataText.Query("contacts",
            ("$select", DataverseRows.Select<ContactRow>()),
            ("$filter", DataverseContactDirectory.ColleaguesFilter(scope)),
            ("$orderby", DataverseContactDirectory.ByName)), cancellationToken);
        return [.. contacts.Select(Records.Compiled(Records.AccountContact))];
    }
}
