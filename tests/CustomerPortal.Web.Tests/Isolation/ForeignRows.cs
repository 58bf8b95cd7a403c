using System.Text.RegularExpressions;

namespace CustomerPortal.Web.Tests.Isolation;

// For one persona, the rows of the seeded mirror it must never see: orders, contacts, accounts and
// legal entities of other customers (another account of the same legal entity, and another legal
// entity), and for an authorized user also the colleagues' orders and contacts of its own account.
// Markers are what a page would show only if a row leaked; they are never values the sweep posts,
// so an echoed search box is not mistaken for a leak.
public sealed record ForeignRows(
    string Persona,
    Guid ContactId,
    Guid AccountId,
    Guid CompanyId,
    Guid? PriceListId,
    bool SeesWholeAccount,
    IReadOnlyList<string> OrderNumbers,
    IReadOnlyList<Guid> Ids,
    IReadOnlyList<string> Texts,
    IReadOnlyList<string> ContactEmails,
    IReadOnlyList<string> AccountNames,
    IReadOnlyList<string> InvoiceNumbers)
{
    // Names of order templates the persona may not see (another account's, a colleague's private one).
    public IReadOnlyList<string> TemplateNames { get; init; } = [];

    public IEnumerable<string> LeaksIn(string html)
    {
        foreach (var name in TemplateNames.Where(n => html.Contains(System.Net.WebUtility.HtmlEncode(n), StringComparison.Ordinal)))
        {
            yield return "template " + name;
        }

        foreach (var number in OrderNumbers)
        {
            if (Regex.IsMatch(html, "/Orders/" + Regex.Escape(number) + "[\"?]"))
            {
                yield return "order " + number;
            }
        }

        foreach (var number in InvoiceNumbers)
        {
            if (Regex.IsMatch(html, "/Invoices/" + Regex.Escape(number) + "[\"?/]"))
            {
                yield return "invoice " + number;
            }
        }

        foreach (var email in ContactEmails.Where(e => html.Contains(e, StringComparison.OrdinalIgnoreCase)))
        {
            yield return "contact " + email;
        }

        foreach (var name in AccountNames.Where(n => html.Contains(System.Net.WebUtility.HtmlEncode(n), StringComparison.Ordinal) || html.Contains(n, StringComparison.Ordinal)))
        {
            yield return "account " + name;
        }
    }

    public static ForeignRows For(MirrorQueries mirror, string personaEmail, IReadOnlyList<Guid> extraIds, IReadOnlyList<string> extraTexts)
    {
        var contactId = Guid.Parse(mirror.Scalar<string>("SELECT contactid FROM contact WHERE emailaddress1 = $p0", personaEmail)!);
        var accountId = Guid.Parse(mirror.Scalar<string>("SELECT parentcustomerid FROM contact WHERE emailaddress1 = $p0", personaEmail)!);
        var companyId = Guid.Parse(mirror.Scalar<string>("SELECT msdyn_company FROM contact WHERE emailaddress1 = $p0", personaEmail)!);
        var priceList = mirror.Scalar<string>("SELECT defaultpricelevelid FROM contact WHERE emailaddress1 = $p0", personaEmail);
        var seesWholeAccount = personaEmail != Personas.AuthorizedUser;
        var (c, a, k) = (contactId.ToString().ToUpperInvariant(), accountId.ToString().ToUpperInvariant(), companyId.ToString().ToUpperInvariant());

        // Another account of the same legal entity, and an account of another legal entity.
        var sameCompanyAccount = mirror.Scalar<string>("SELECT accountid FROM account WHERE upper(msdyn_company) = $p0 AND upper(accountid) <> $p1 ORDER BY accountnumber LIMIT 1", k, a)!;
        var otherCompanyAccount = mirror.Scalar<string>("SELECT accountid FROM account WHERE upper(msdyn_company) <> $p0 ORDER BY accountnumber LIMIT 1", k)!;
        var otherCompany = mirror.Scalar<string>("SELECT msdyn_company FROM account WHERE accountid = $p0", otherCompanyAccount)!;
        var foreignAccounts = new[] { sameCompanyAccount, otherCompanyAccount };

        var orders = new List<string>();
        var invoices = new List<string>();
        var contacts = new List<string>();
        var emails = new List<string>();
        foreach (var account in foreignAccounts)
        {
            orders.AddRange(mirror.Strings("SELECT msdyn_salesordernumber FROM salesorder WHERE customerid = $p0 ORDER BY msdyn_salesordernumber LIMIT 2", account));
            invoices.AddRange(mirror.Strings("SELECT msdyn_invoicenumber FROM invoice WHERE customerid = $p0 ORDER BY msdyn_invoicenumber LIMIT 2", account));
            contacts.AddRange(mirror.Strings("SELECT contactid FROM contact WHERE parentcustomerid = $p0 ORDER BY contactid LIMIT 2", account));
            emails.AddRange(mirror.Strings("SELECT emailaddress1 FROM contact WHERE parentcustomerid = $p0 AND emailaddress1 IS NOT NULL", account));
        }

        // Order numbers are unique per legal entity only: a number this persona may see can exist in
        // another legal entity too, and is then not a foreign marker.
        var visibleNumbers = seesWholeAccount
            ? mirror.Strings("SELECT msdyn_salesordernumber FROM salesorder WHERE upper(customerid) = $p0", a)
            : mirror.Strings("SELECT msdyn_salesordernumber FROM salesorder WHERE upper(msdyn_contactperson) = $p0", c);
        // Invoice numbers too are unique per legal entity only; an authorized user sees the invoices of its own orders.
        var visibleInvoices = seesWholeAccount
            ? mirror.Strings("SELECT msdyn_invoicenumber FROM invoice WHERE upper(customerid) = $p0", a)
            : mirror.Strings("SELECT i.msdyn_invoicenumber FROM invoice i JOIN salesorder o ON o.salesorderid = i.salesorderid WHERE upper(o.msdyn_contactperson) = $p0", c);
        var names = mirror.Strings("SELECT name FROM account WHERE accountid IN ($p0, $p1)", sameCompanyAccount, otherCompanyAccount);
        if (!seesWholeAccount)
        {
            orders.AddRange(mirror.Strings("SELECT msdyn_salesordernumber FROM salesorder WHERE upper(customerid) = $p0 AND upper(msdyn_contactperson) <> $p1 ORDER BY msdyn_salesordernumber LIMIT 2", a, c));
            invoices.AddRange(mirror.Strings("SELECT i.msdyn_invoicenumber FROM invoice i JOIN salesorder o ON o.salesorderid = i.salesorderid WHERE upper(i.customerid) = $p0 AND upper(o.msdyn_contactperson) <> $p1 ORDER BY i.msdyn_invoicenumber LIMIT 2", a, c));
            contacts.AddRange(mirror.Strings("SELECT contactid FROM contact WHERE upper(parentcustomerid) = $p0 AND upper(contactid) <> $p1 ORDER BY contactid LIMIT 2", a, c));
            emails.AddRange(mirror.Strings("SELECT emailaddress1 FROM contact WHERE upper(parentcustomerid) = $p0 AND upper(contactid) <> $p1 AND emailaddress1 IS NOT NULL", a, c));
        }

        orders = [.. orders.Where(n => !visibleNumbers.Contains(n)).Distinct()];
        invoices = [.. invoices.Where(n => !visibleInvoices.Contains(n)).Distinct()];
        var ids = contacts.Concat(foreignAccounts).Append(otherCompany).Select(Guid.Parse).Concat(extraIds).Distinct().ToList();
        var texts = orders.Concat(invoices).Concat(ids.Select(id => id.ToString())).Concat(extraTexts)
            .Concat(mirror.Strings("SELECT accountnumber FROM account WHERE accountid IN ($p0, $p1)", sameCompanyAccount, otherCompanyAccount))
            .Distinct().ToList();
        return new ForeignRows(personaEmail, contactId, accountId, companyId, priceList is null ? null : Guid.Parse(priceList), seesWholeAccount,
            orders, ids, texts, emails.Distinct().ToList(), names, invoices);
    }
}
