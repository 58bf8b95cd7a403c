using System.Net;
using System.Text.Json.Nodes;
using CustomerPortal.Core;
using CustomerPortal.Core.Contacts;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Data.Dataverse;

internal sealed class DataverseContactDirectory(DataverseWebApi api) : IContactDirectory, IContactAdministration
{
    // Same order as the mirror: last name, first name, then the id as the tie-breaker.
    public const string ByName = "lastname asc,firstname asc,contactid asc";

    // A candidate shows its account (number, name, legal entity) and the code of its own legal entity.
    private static readonly string CandidateExpand = string.Join(",",
        DataverseRows.Expand<ContactRow>("parentcustomerid"), DataverseRows.Expand<ContactRow>("msdyn_company"));

    public async Task<PortalContact?> FindAsync(Guid contactId, CancellationToken cancellationToken) =>
        (await api.RowsAsync<ContactRow>(Active($"contactid eq {ODataText.Guid(contactId)}"), cancellationToken))
            .Select(Records.Compiled(Records.PortalContact)).FirstOrDefault();

    // 50 ids per request keeps the URL well inside the Web API's limit; an administration page of
    // 200 users costs four requests instead of two hundred.
    public async Task<IReadOnlyDictionary<Guid, PortalContact>> FindManyAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        var found = new Dictionary<Guid, PortalContact>();
        foreach (var chunk in contactIds.Distinct().Chunk(50))
        {
            var filter = $"({string.Join(" or ", chunk.Select(id => $"contactid eq {ODataText.Guid(id)}"))})";
            foreach (var contact in (await api.RowsAsync<ContactRow>(Active(filter), cancellationToken)).Select(Records.Compiled(Records.PortalContact)))
            {
                found[contact.ContactId] = contact;
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<ContactCandidate>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var literal = ODataText.ContainsLiteral(text.Trim());
        var filter = $"(contains(fullname,{literal}) or contains(emailaddress1,{literal}) or contains(parentcustomerid_account/accountnumber,{literal}))";
        var top = Math.Clamp(limit, 1, 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [.. (await api.RowsAsync<ContactRow>(Active(filter, top), cancellationToken)).Select(Records.Compiled(Records.ContactCandidate))];
    }

    public async Task<ContactCandidate?> FindCandidateAsync(Guid contactId, CancellationToken cancellationToken) =>
        (await api.RowsAsync<ContactRow>(Active($"contactid eq {ODataText.Guid(contactId)}"), cancellationToken))
            .Select(Records.Compiled(Records.ContactCandidate)).FirstOrDefault();

    public async Task<IReadOnlyList<ContactCandidate>> ListColleaguesAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var url = ODataText.Query("contacts",
            ("$select", DataverseRows.Select<ContactRow>()),
            ("$filter", ColleaguesFilter(scope)),
            ("$orderby", ByName),
            ("$expand", CandidateExpand));
        return [.. (await api.AllRowsAsync<ContactRow>(url, cancellationToken)).Select(Records.Compiled(Records.ContactCandidate))];
    }

    public async Task<ContactDetails?> GetOwnDetailsAsync(CustomerScope scope, CancellationToken cancellationToken) =>
        await OwnAsync(scope, cancellationToken) is { } own ? Records.Compiled(Records.ContactDetails)(own.Contact) : null;

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
            if (await OwnAsync(scope, cancellationToken) is not { ETag: { } etag })
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

    // Active contacts with their account and legal entity, by name, the first page only.
    private static string Active(string filter, string? top = null) => ODataText.Query("contacts",
        ("$select", DataverseRows.Select<ContactRow>()),
        ("$filter", $"statecode eq 0 and {filter}"),
        ("$orderby", ByName),
        ("$top", top),
        ("$expand", CandidateExpand));

    // The scope's own contact with the ETag that guards the PATCH; null once it left the scope.
    private async Task<OwnContact?> OwnAsync(CustomerScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using var page = await api.GetAsync(ODataText.Query("contacts",
            ("$select", DataverseRows.Select<ContactRow>()),
            ("$filter", $"contactid eq {ODataText.Guid(scope.ContactId)} and _parentcustomerid_value eq {ODataText.Guid(scope.AccountId)} "
                + $"and _msdyn_company_value eq {ODataText.Guid(scope.CompanyId)} and statecode eq 0")), null, cancellationToken);
        return page.RootElement.Rows()
            .Select(row => new OwnContact(DataverseRows.Read<ContactRow>(row), row.TryGetProperty("@odata.etag", out var etag) ? etag.GetString() : null))
            .FirstOrDefault();
    }

    private sealed record OwnContact(ContactRow Contact, string? ETag);
}
