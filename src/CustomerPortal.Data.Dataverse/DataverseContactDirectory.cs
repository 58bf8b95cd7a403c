using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPortal.Core;
using CustomerPortal.Core.Contacts;

namespace CustomerPortal.Data.Dataverse;

internal sealed class DataverseContactDirectory(DataverseWebApi api) : IContactDirectory, IContactAdministration
{
    // Same order as the mirror: last name, first name, then the id as the tie-breaker.
    public const string ByName = "lastname asc,firstname asc,contactid asc";

    private const string CandidateSelect = "contactid,fullname,emailaddress1,telephone1,jobtitle,_parentcustomerid_value,_msdyn_company_value,"
        + "_defaultpricelevelid_value,_transactioncurrencyid_value,address1_country";

    private const string CandidateExpand = "parentcustomerid_account($select=accountnumber,name,_msdyn_company_value),msdyn_company($select=cdm_companycode)";

    public async Task<PortalContact?> FindAsync(Guid contactId, CancellationToken cancellationToken) =>
        await FindCandidateAsync(contactId, cancellationToken) is { } candidate ? ToPortalContact(candidate) : null;

    // 50 ids per request keeps the URL well inside the Web API's limit; an administration page of
    // 200 users costs four requests instead of two hundred.
    public async Task<IReadOnlyDictionary<Guid, PortalContact>> FindManyAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        var found = new Dictionary<Guid, PortalContact>();
        foreach (var chunk in contactIds.Distinct().Chunk(50))
        {
            using var page = await api.GetAsync(ODataText.Query("contacts",
                ("$select", CandidateSelect),
                ("$filter", $"statecode eq 0 and ({string.Join(" or ", chunk.Select(id => $"contactid eq {ODataText.Guid(id)}"))})"),
                ("$expand", CandidateExpand)), null, formattedValues: false, cancellationToken);
            foreach (var candidate in page.RootElement.Rows().Select(ToCandidate))
            {
                found[candidate.ContactId] = ToPortalContact(candidate);
            }
        }

        return found;
    }

    private static PortalContact ToPortalContact(ContactCandidate candidate) => new(candidate.ContactId, candidate.FullName, candidate.Email,
        candidate.AccountId, candidate.AccountNumber, candidate.AccountName, candidate.CompanyId, candidate.CompanyCode, candidate.PriceListId);

    public async Task<IReadOnlyList<ContactCandidate>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var literal = ODataText.ContainsLiteral(text.Trim());
        using var page = await api.GetAsync(ODataText.Query("contacts",
            ("$select", CandidateSelect),
            ("$filter", $"statecode eq 0 and (contains(fullname,{literal}) or contains(emailaddress1,{literal}) "
                + $"or contains(parentcustomerid_account/accountnumber,{literal}))"),
            ("$orderby", ByName),
            ("$top", Math.Clamp(limit, 1, 100).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("$expand", CandidateExpand)), null, formattedValues: false, cancellationToken);
        return [.. page.RootElement.Rows().Select(ToCandidate)];
    }

    public async Task<ContactCandidate?> FindCandidateAsync(Guid contactId, CancellationToken cancellationToken)
    {
        using var page = await api.GetAsync(ODataText.Query("contacts",
            ("$select", CandidateSelect),
            ("$filter", $"contactid eq {ODataText.Guid(contactId)} and statecode eq 0"),
            ("$expand", CandidateExpand)), null, formattedValues: false, cancellationToken);
        var row = page.RootElement.Rows().FirstOrDefault();
        return row.ValueKind == JsonValueKind.Object ? ToCandidate(row) : null;
    }

    public async Task<IReadOnlyList<ContactCandidate>> ListColleaguesAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = await api.GetAllAsync(ODataText.Query("contacts",
            ("$select", CandidateSelect),
            ("$filter", ColleaguesFilter(scope)),
            ("$orderby", ByName),
            ("$expand", CandidateExpand)), cancellationToken);
        return [.. rows.Select(ToCandidate)];
    }

    public async Task<ContactDetails?> GetOwnDetailsAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        var own = await OwnAsync(scope, cancellationToken);
        return own is { } row ? new ContactDetails(row.Str("telephone1"), row.Str("jobtitle")) : null;
    }

    // A PATCH guarded by the ETag we just read: the contact must still belong to the scope's account
    // when the write lands. A concurrent change (412) is read again once.
    public async Task<bool> UpdateOwnDetailsAsync(CustomerScope scope, ContactDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var body = new JsonObject
        {
            ["telephone1"] = string.IsNullOrWhiteSpace(details.Phone) ? null : details.Phone.Trim(),
            ["jobtitle"] = string.IsNullOrWhiteSpace(details.JobTitle) ? null : details.JobTitle.Trim(),
        };
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await OwnAsync(scope, cancellationToken) is not { } row || row.Str("@odata.etag") is not { } etag)
            {
                return false;
            }

            var result = await api.PatchAsync($"contacts({ODataText.Guid(scope.ContactId)})", body, etag, cancellationToken);
            if (result.Succeeded)
            {
                return true;
            }

            if (result.Status == HttpStatusCode.NotFound)
            {
                return false;
            }

            if (result.Status != HttpStatusCode.PreconditionFailed)
            {
                throw new InvalidOperationException($"Dataverse refused the contact update with {(int)result.Status}: {result.ErrorCode} {result.ErrorMessage}");
            }
        }

        return false;
    }

    internal static string ColleaguesFilter(CustomerScope scope)
    {
        var filter = $"_parentcustomerid_value eq {ODataText.Guid(scope.AccountId)} and _msdyn_company_value eq {ODataText.Guid(scope.CompanyId)} and statecode eq 0";
        return scope.SeesWholeAccount ? filter : filter + $" and contactid eq {ODataText.Guid(scope.ContactId)}";
    }

    private async Task<JsonElement?> OwnAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using var page = await api.GetAsync(ODataText.Query("contacts",
            ("$select", "contactid,telephone1,jobtitle"),
            ("$filter", $"contactid eq {ODataText.Guid(scope.ContactId)} and _parentcustomerid_value eq {ODataText.Guid(scope.AccountId)} "
                + $"and _msdyn_company_value eq {ODataText.Guid(scope.CompanyId)} and statecode eq 0")), null, formattedValues: false, cancellationToken);
        var row = page.RootElement.Rows().FirstOrDefault();
        return row.ValueKind == JsonValueKind.Object ? row.Clone() : null;
    }

    private static ContactCandidate ToCandidate(JsonElement c)
    {
        var account = c.Object("parentcustomerid_account");
        return new ContactCandidate(
            c.Id("contactid")!.Value,
            c.Text("fullname"),
            c.Str("emailaddress1"),
            c.Str("telephone1"),
            c.Str("jobtitle"),
            c.Id("_parentcustomerid_value"),
            account?.Str("accountnumber"),
            account?.Str("name"),
            account?.Id("_msdyn_company_value"),
            c.Id("_msdyn_company_value"),
            c.Object("msdyn_company")?.Str("cdm_companycode"),
            c.Id("_defaultpricelevelid_value"),
            c.Id("_transactioncurrencyid_value"),
            c.Str("address1_country"));
    }
}
