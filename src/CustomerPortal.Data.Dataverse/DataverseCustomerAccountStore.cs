using System.Text.Json;
using CustomerPortal.Core;
using CustomerPortal.Core.Accounts;

namespace CustomerPortal.Data.Dataverse;

internal sealed class DataverseCustomerAccountStore(DataverseWebApi api) : ICustomerAccountStore
{
    public async Task<CustomerAccount?> GetAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var url = ODataText.Query("accounts",
            ("$select", "accountid,accountnumber,name,address1_line1,address1_line2,address1_city,address1_stateorprovince,address1_postalcode,"
                + "address1_country,telephone1,emailaddress1,creditlimit,msdyn_creditlimitismandatory,msdyn_onholdstatus"),
            ("$filter", $"accountid eq {ODataText.Guid(scope.AccountId)} and _msdyn_company_value eq {ODataText.Guid(scope.CompanyId)}"),
            ("$expand", string.Join(",", ODataText.CompanySelect, ODataText.CurrencySelect, "defaultpricelevelid($select=name)")));
        using var page = await api.GetAsync(url, null, formattedValues: false, cancellationToken);
        var row = page.RootElement.Rows().FirstOrDefault();
        if (row.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new CustomerAccount(
            row.Id("accountid")!.Value,
            row.Text("accountnumber"),
            row.Text("name"),
            row.Object("msdyn_company")?.ToLegalEntity() ?? new LegalEntity(scope.CompanyId, "", ""),
            new PostalAddress(row.Str("address1_line1"), row.Str("address1_line2"), row.Str("address1_city"),
                row.Str("address1_stateorprovince"), row.Str("address1_postalcode"), row.Str("address1_country")),
            row.Str("telephone1"),
            row.Str("emailaddress1"),
            row.Object("transactioncurrencyid")?.ToCurrency() ?? new Currency("", "", 2),
            row.Dec("creditlimit"),
            row.Bool("msdyn_creditlimitismandatory"),
            (OnHoldStatus)(row.Int("msdyn_onholdstatus") ?? (int)OnHoldStatus.No),
            row.Object("defaultpricelevelid")?.Str("name"));
    }

    public async Task<IReadOnlyList<AccountContact>> ListContactsAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await api.GetAllAsync(ODataText.Query("contacts",
            ("$select", "contactid,fullname,emailaddress1,telephone1,jobtitle"),
            ("$filter", DataverseContactDirectory.ColleaguesFilter(scope)),
            ("$orderby", DataverseContactDirectory.ByName)), cancellationToken);
        return [.. rows.Select(c => new AccountContact(c.Id("contactid")!.Value, c.Text("fullname"), c.Str("emailaddress1"), c.Str("telephone1"), c.Str("jobtitle")))];
    }
}
