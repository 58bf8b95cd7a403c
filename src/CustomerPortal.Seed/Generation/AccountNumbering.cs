using System.Globalization;

namespace CustomerPortal.Seed.Generation;

// Customer accounts are dealt round-robin to the legal entities and numbered per legal entity:
// account 0 is US-0001, account 1 DE-0001, ... so personas can name their account in a profile.
internal static class AccountNumbering
{
    public const int MaxPerCompany = 9999;

    public static int CompanyIndexOf(int accountIndex, int companies) => accountIndex % companies;

    public static string Format(int accountIndex, int companies) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{LegalEntityCatalog.All[accountIndex % companies].AccountPrefix}-{accountIndex / companies + 1:D4}");

    public static int CountIn(int companyIndex, int companies, int accounts) =>
        accounts <= companyIndex ? 0 : (accounts - companyIndex + companies - 1) / companies;

    public static bool TryParse(string accountNumber, int companies, int accounts, out int accountIndex)
    {
        accountIndex = -1;
        var dash = accountNumber.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || !int.TryParse(accountNumber.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1 || accountNumber.Length - dash - 1 != 4)
        {
            return false;
        }

        var prefix = accountNumber[..dash];
        for (var company = 0; company < companies && company < LegalEntityCatalog.All.Count; company++)
        {
            if (LegalEntityCatalog.All[company].AccountPrefix == prefix)
            {
                var index = (sequence - 1) * companies + company;
                if (index < accounts)
                {
                    accountIndex = index;
                    return true;
                }
            }
        }

        return false;
    }

    // "US-0001..US-0014, DE-0001..DE-0013" for error messages.
    public static string DescribeRange(int companies, int accounts) => string.Join(", ",
        Enumerable.Range(0, Math.Min(companies, LegalEntityCatalog.All.Count))
            .Where(c => CountIn(c, companies, accounts) > 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture,
                $"{LegalEntityCatalog.All[c].AccountPrefix}-0001..{LegalEntityCatalog.All[c].AccountPrefix}-{CountIn(c, companies, accounts):D4}")));
}
