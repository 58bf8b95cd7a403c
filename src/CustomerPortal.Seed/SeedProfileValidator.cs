using System.Globalization;
using Bogus;
using CustomerPortal.Core;
using CustomerPortal.Seed.Generation;

namespace CustomerPortal.Seed;

// Checks a profile file completely before anything is generated, and reports every problem at once,
// one line per problem, each naming the file and the field ("seed/demo.json: counts.orders must ...").
internal sealed class SeedProfileValidator
{
    public const int MinPasswordLength = 12;
    public const int MaxLinesPerOrder = 50;
    // Number formats put a ceiling on sizes: SO-0000001, CP-000001, five-digit item numbers.
    private const int MaxOrders = 9_999_999;
    private const int MaxContacts = 999_999;
    private const int MaxProducts = 99_999;

    private static readonly DateOnly EarliestReferenceDate = new(2000, 1, 1);
    private static readonly DateOnly LatestReferenceDate = new(2099, 12, 31);

    private readonly string _source;
    private readonly List<string> _errors = [];

    private SeedProfileValidator(string source) => _source = source;

    public static SeedProfile Validate(SeedProfileDocument document, string json, string source)
    {
        var validator = new SeedProfileValidator(source);
        var profile = validator.Check(document, json);
        if (profile is null || validator._errors.Count > 0)
        {
            throw new SeedProfileException(string.Join(Environment.NewLine, validator._errors));
        }

        return profile;
    }

    private SeedProfile? Check(SeedProfileDocument document, string json)
    {
        var name = document.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            Error("name is missing (a short name for the profile, e.g. \"demo\")");
        }

        if (document.RandomSeed is null)
        {
            Error("randomSeed is missing (any whole number; the same number always gives the same data)");
        }

        var referenceDate = CheckReferenceDate(document.ReferenceDate);
        CheckLocale(document.Locale);
        var counts = CheckCounts(document.Counts);
        var personas = CheckPersonas(document.Personas, counts);
        if (counts is not null && personas is not null)
        {
            CheckContactsCoverPersonas(counts, personas);
        }

        if (_errors.Count > 0 || name is null || document.RandomSeed is not { } randomSeed || referenceDate is not { } date
            || document.Locale is not { } locale || counts is null || personas is null)
        {
            return null;
        }

        return new SeedProfile(name, document.Description, randomSeed, date, locale, counts, personas, json, _source);
    }

    private DateOnly? CheckReferenceDate(string? text)
    {
        if (text is null)
        {
            Error("referenceDate is missing (the \"today\" of the data, written yyyy-MM-dd; orders cover the two years before it)");
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error($"referenceDate must be a date written yyyy-MM-dd (found '{text}')");
            return null;
        }

        if (date < EarliestReferenceDate || date > LatestReferenceDate)
        {
            Error($"referenceDate must lie between {EarliestReferenceDate:yyyy-MM-dd} and {LatestReferenceDate:yyyy-MM-dd} (found {text})");
            return null;
        }

        return date;
    }

    private void CheckLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            Error("locale is missing (a Bogus locale such as en_US, en_GB, de or fr)");
        }
        else if (!Database.LocaleResourceExists(locale))
        {
            Error($"locale '{locale}' is not a Bogus locale (use one such as en_US, en_GB, de or fr)");
        }
    }

    private SeedCounts? CheckCounts(SeedProfileDocument.CountsDocument? counts)
    {
        if (counts is null)
        {
            Error("counts is missing");
            return null;
        }

        var catalogSize = LegalEntityCatalog.All.Count;
        var companies = InRange(counts.Companies, "counts.companies", 1, catalogSize, $", one per built-in legal entity ({LegalEntityCatalog.Codes})");

        var accounts = Required(counts.Accounts, "counts.accounts");
        if (companies is { } c && accounts is { } a)
        {
            if (a < c)
            {
                Error($"counts.accounts must be at least counts.companies ({c}), so every legal entity has a customer account; found {a}");
                accounts = null;
            }
            else if (a > c * AccountNumbering.MaxPerCompany)
            {
                Error($"counts.accounts can be at most {c * AccountNumbering.MaxPerCompany} with {c} companies (account numbers have four digits per legal entity); found {a}");
                accounts = null;
            }
        }

        var lines = CheckLinesPerOrder(counts.LinesPerOrder);

        var products = InRange(counts.Products, "counts.products", Math.Max(1, lines?.Max ?? 1), MaxProducts,
            " (an order's lines are distinct products, up to linesPerOrder.max)");
        var orders = InRange(counts.Orders, "counts.orders", 0, MaxOrders);
        var contacts = InRange(counts.Contacts, "counts.contacts", 1, MaxContacts);

        return companies is { } companyCount && accounts is { } accountCount && contacts is { } contactCount
            && products is { } productCount && orders is { } orderCount && lines is not null
            ? new SeedCounts(companyCount, accountCount, contactCount, productCount, orderCount, lines)
            : null;
    }

    private LinesPerOrderRange? CheckLinesPerOrder(SeedProfileDocument.LinesPerOrderDocument? lines)
    {
        if (lines is null)
        {
            Error("counts.linesPerOrder is missing (e.g. { \"min\": 1, \"max\": 9 })");
            return null;
        }

        var min = Required(lines.Min, "counts.linesPerOrder.min");
        var max = Required(lines.Max, "counts.linesPerOrder.max");
        if (min is < 1)
        {
            Error($"counts.linesPerOrder.min must be at least 1; found {min}");
            return null;
        }

        if (min is { } least && max is { } most)
        {
            if (most < least || most > MaxLinesPerOrder)
            {
                Error($"counts.linesPerOrder.max must be between linesPerOrder.min ({least}) and {MaxLinesPerOrder}; found {most}");
                return null;
            }

            return new LinesPerOrderRange(least, most);
        }

        return null;
    }

    private List<SeedPersona>? CheckPersonas(List<SeedProfileDocument.PersonaDocument?>? documents, SeedCounts? counts)
    {
        var personas = new List<SeedPersona>();
        var emails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var valid = true;
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            var field = $"personas[{i}]";
            if (documents![i] is not { } persona)
            {
                Error($"{field} is empty");
                valid = false;
                continue;
            }

            var email = CheckEmail(persona.Email, field, emails, i);
            var password = CheckPassword(persona.Password, field);
            var role = CheckRole(persona.Role, field);
            var accountNumber = role is null ? null : CheckAccountNumber(persona.AccountNumber, role, field, counts);
            var firstName = RequiredText(persona.FirstName, $"{field}.firstName");
            var lastName = RequiredText(persona.LastName, $"{field}.lastName");
            if (email is null || password is null || role is null || firstName is null || lastName is null
                || (role != PortalRoles.Administrator && accountNumber is null))
            {
                valid = false;
                continue;
            }

            personas.Add(new SeedPersona(email, password, role, accountNumber, firstName, lastName, persona.Description));
        }

        return valid ? personas : null;
    }

    private string? CheckEmail(string? email, string field, Dictionary<string, int> seen, int index)
    {
        if (RequiredText(email, $"{field}.email") is not { } address)
        {
            return null;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at < 1 || at != address.LastIndexOf('@') || at == address.Length - 1 || address.Any(char.IsWhiteSpace))
        {
            Error($"{field}.email '{address}' is not an email address");
            return null;
        }

        if (seen.TryGetValue(address, out var first))
        {
            Error($"{field}.email '{address}' is already used by personas[{first}]; every persona needs its own email address");
            return null;
        }

        seen.Add(address, index);
        return address;
    }

    private string? CheckPassword(string? password, string field)
    {
        if (RequiredText(password, $"{field}.password") is not { } text)
        {
            return null;
        }

        if (text.Length < MinPasswordLength)
        {
            Error($"{field}.password must be at least {MinPasswordLength} characters long; found {text.Length}");
            return null;
        }

        // ASP.NET Core Identity's default rules, which the portal keeps: refusing here beats failing half way.
        if (!text.Any(char.IsUpper) || !text.Any(char.IsLower) || !text.Any(char.IsDigit) || text.All(char.IsLetterOrDigit))
        {
            Error($"{field}.password needs an upper-case letter, a lower-case letter, a digit and a symbol");
            return null;
        }

        return text;
    }

    private string? CheckRole(string? role, string field)
    {
        var roles = string.Join(", ", PortalRoles.All);
        if (RequiredText(role, $"{field}.role", $" (one of {roles})") is not { } text)
        {
            return null;
        }

        if (!PortalRoles.All.Contains(text, StringComparer.Ordinal))
        {
            Error($"{field}.role '{text}' is not a portal role; use one of {roles}");
            return null;
        }

        return text;
    }

    private string? CheckAccountNumber(string? accountNumber, string role, string field, SeedCounts? counts)
    {
        if (role == PortalRoles.Administrator)
        {
            if (accountNumber is not null)
            {
                Error($"{field}.accountNumber must be left out for an {PortalRoles.Administrator}: administrators act for no customer account");
            }

            return null;
        }

        if (RequiredText(accountNumber, $"{field}.accountNumber", $": a {role} acts for one customer account, e.g. US-0001") is not { } number)
        {
            return null;
        }

        if (counts is not null && !AccountNumbering.TryParse(number, counts.Companies, counts.Accounts, out _))
        {
            Error($"{field}.accountNumber '{number}' is not an account this profile generates; with counts.companies {counts.Companies} "
                + $"and counts.accounts {counts.Accounts} they are {AccountNumbering.DescribeRange(counts.Companies, counts.Accounts)}");
            return null;
        }

        return number;
    }

    // Every account needs a contact, and a persona's account one per persona plus two colleagues.
    private void CheckContactsCoverPersonas(SeedCounts counts, List<SeedPersona> personas)
    {
        var personaAccounts = personas
            .Where(p => p.AccountNumber is not null)
            .GroupBy(p => p.AccountNumber!, StringComparer.Ordinal)
            .Select(g => (Account: g.Key, Contacts: g.Count() + 2))
            .ToList();
        var needed = counts.Accounts + personaAccounts.Sum(p => p.Contacts - 1);
        if (counts.Contacts < needed)
        {
            var detail = personaAccounts.Count == 0
                ? ""
                : ", and persona accounts need one per persona plus two colleagues (" + string.Join(", ", personaAccounts.Select(p => $"{p.Account}: {p.Contacts}")) + ")";
            Error($"counts.contacts must be at least {needed}: one per customer account ({counts.Accounts}){detail}; found {counts.Contacts}");
        }
    }

    private int? Required(int? value, string field)
    {
        if (value is null)
        {
            Error($"{field} is missing");
        }

        return value;
    }

    // The value when it is present and between min and max; otherwise null, once the problem is reported.
    private int? InRange(int? value, string field, int min, int max, string why = "")
    {
        if (Required(value, field) is { } found && (found < min || found > max))
        {
            Error($"{field} must be between {min:N0} and {max:N0}{why}; found {found}");
            return null;
        }

        return value;
    }

    private string? RequiredText(string? value, string field, string hint = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error($"{field} is missing{hint}");
            return null;
        }

        return value;
    }

    private void Error(string message) => _errors.Add($"{_source}: {message}");
}
