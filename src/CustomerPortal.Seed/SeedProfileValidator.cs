using System.Globalization;
using Bogus;
using CustomerPortal.Core;
using CustomerPortal.Seed.Generation;

namespace CustomerPortal.Seed;

// Checks a profile file completely before anything is generated, and reports every problem at once,
// one line per problem, each naming the file and the field ("seed/demo.json: counts.orders must ...").
internal sealed class SeedProfileValidator(string source)
{
    public const int MinPasswordLength = 12;
    public const int MaxLinesPerOrder = 50;
    // Number formats put a ceiling on sizes: SO-0000001, CP-000001, five-digit item numbers.
    private const int MaxOrders = 9_999_999;
    private const int MaxContacts = 999_999;
    private const int MaxProducts = 99_999;

    private static readonly DateOnly EarliestReferenceDate = new(2000, 1, 1);
    private static readonly DateOnly LatestReferenceDate = new(2099, 12, 31);

    private readonly List<string> _errors = [];
    private DateOnly? _pinnedReferenceDate;

    public static SeedProfile Validate(SeedProfileDocument document, string json, string source, DateOnly? referenceDate = null)
    {
        var validator = new SeedProfileValidator(source) { _pinnedReferenceDate = referenceDate };
        var profile = validator.Check(document, json);
        if (profile is null || validator._errors.Count > 0)
        {
            throw new SeedProfileException(string.Join(Environment.NewLine, validator._errors));
        }

        return profile;
    }

    private SeedProfile? Check(SeedProfileDocument document, string json)
    {
        var name = RequiredText(document.Name, "name", " (a short name for the profile, e.g. \"demo\")");
        var randomSeed = Required(document.RandomSeed, "randomSeed", " (any whole number; the same number always gives the same data)");
        var referenceDate = CheckReferenceDate(document.ReferenceDate);
        var locale = CheckLocale(document.Locale);
        var counts = CheckCounts(document.Counts);
        var personas = CheckPersonas(document.Personas, counts);
        if (counts is not null && personas is not null)
        {
            CheckContactsCoverPersonas(counts, personas);
        }

        return _errors.Count == 0 && name is not null && randomSeed is { } seed && referenceDate is { } date && locale is not null
            && counts is not null && personas is not null
            ? new SeedProfile(name, document.Description, seed, date, locale, counts, personas, json, source)
            : null;
    }

    // "today" is the UTC date of the seed run; a pinned date (SeedProfile.Load's referenceDate, the seed
    // command's --reference-date) replaces whatever the profile says, so tests and demos can be reproduced.
    private DateOnly? CheckReferenceDate(string? text) =>
        _pinnedReferenceDate is { } pinned
            ? CheckReferenceDate(pinned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), pinned: true)
            : text == SeedProfile.Today
                ? DateOnly.FromDateTime(DateTime.UtcNow)
                : CheckReferenceDate(text, pinned: false);

    private DateOnly? CheckReferenceDate(string? text, bool pinned) =>
        Holds(text is not null, "referenceDate is missing (the \"today\" of the data, written yyyy-MM-dd or \"today\"; orders cover the two years before it)")
        && Holds(DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date),
            $"referenceDate must be a date written yyyy-MM-dd or the word \"today\" (found '{text}')")
        && Holds(date >= EarliestReferenceDate && date <= LatestReferenceDate,
            $"referenceDate must lie between {EarliestReferenceDate:yyyy-MM-dd} and {LatestReferenceDate:yyyy-MM-dd} (found {text}{(pinned ? ", given with --reference-date" : "")})")
            ? date
            : null;

    private string? CheckLocale(string? locale) =>
        RequiredText(locale, "locale", " (a Bogus locale such as en_US, en_GB, de or fr)") is { } name
        && Holds(Database.LocaleResourceExists(name), $"locale '{name}' is not a Bogus locale (use one such as en_US, en_GB, de or fr)")
            ? name
            : null;

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
        return Holds(min is not < 1, $"counts.linesPerOrder.min must be at least 1; found {min}")
            && min is { } least && max is { } most
            && Holds(most >= least && most <= MaxLinesPerOrder, $"counts.linesPerOrder.max must be between linesPerOrder.min ({least}) and {MaxLinesPerOrder}; found {most}")
                ? new LinesPerOrderRange(least, most)
                : null;
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
            var descriptions = CheckDescriptions(persona, field);
            if (email is null || password is null || role is null || firstName is null || lastName is null || descriptions is null
                || (role != PortalRoles.Administrator && accountNumber is null))
            {
                valid = false;
                continue;
            }

            personas.Add(new SeedPersona(email, password, role, accountNumber, firstName, lastName, persona.Description, descriptions));
        }

        return valid ? personas : null;
    }

    // descriptions: the persona's description in other languages, keyed by culture name ("fr-FR"). description
    // stays the text for every language without one, so it is needed as soon as there are translations.
    private Dictionary<string, string>? CheckDescriptions(SeedProfileDocument.PersonaDocument persona, string field)
    {
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (persona.Descriptions is not { } translations)
        {
            return texts;
        }

        var valid = Holds(!string.IsNullOrWhiteSpace(persona.Description),
            $"{field}.description is missing: it is the text for every language that {field}.descriptions does not name");
        foreach (var (culture, text) in translations)
        {
            if (!Holds(IsCultureName(culture), $"{field}.descriptions has the key '{culture}', which is not a culture name such as fr-FR or sv-SE")
                | !Holds(!string.IsNullOrWhiteSpace(text), $"{field}.descriptions.{culture} is empty"))
            {
                valid = false;
                continue;
            }

            valid &= Holds(texts.TryAdd(culture, text!), $"{field}.descriptions names {culture} twice");
        }

        return valid ? texts : null;
    }

    private static bool IsCultureName(string name)
    {
        try
        {
            // predefinedOnly: without it any well-formed tag passes, "xx-YY" included.
            _ = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return !string.IsNullOrWhiteSpace(name);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private string? CheckEmail(string? email, string field, Dictionary<string, int> seen, int index)
    {
        if (RequiredText(email, $"{field}.email") is not { } address)
        {
            return null;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var wellFormed = at > 0 && at == address.LastIndexOf('@') && at < address.Length - 1 && !address.Any(char.IsWhiteSpace);
        // TryAdd keeps the first persona with the address, which the message names.
        return Holds(wellFormed, $"{field}.email '{address}' is not an email address")
            && Holds(seen.TryAdd(address, index), $"{field}.email '{address}' is already used by personas[{seen[address]}]; every persona needs its own email address")
                ? address
                : null;
    }

    private string? CheckPassword(string? password, string field) =>
        RequiredText(password, $"{field}.password") is { } text
        && Holds(text.Length >= MinPasswordLength, $"{field}.password must be at least {MinPasswordLength} characters long; found {text.Length}")
        // ASP.NET Core Identity's default rules, which the portal keeps: refusing here beats failing half way.
        && Holds(text.Any(char.IsUpper) && text.Any(char.IsLower) && text.Any(char.IsDigit) && !text.All(char.IsLetterOrDigit),
            $"{field}.password needs an upper-case letter, a lower-case letter, a digit and a symbol")
            ? text
            : null;

    private string? CheckRole(string? role, string field)
    {
        var roles = string.Join(", ", PortalRoles.All);
        return RequiredText(role, $"{field}.role", $" (one of {roles})") is { } text
            && Holds(PortalRoles.All.Contains(text, StringComparer.Ordinal), $"{field}.role '{text}' is not a portal role; use one of {roles}")
                ? text
                : null;
    }

    private string? CheckAccountNumber(string? accountNumber, string role, string field, SeedCounts? counts)
    {
        if (role == PortalRoles.Administrator)
        {
            Holds(accountNumber is null, $"{field}.accountNumber must be left out for an {PortalRoles.Administrator}: administrators act for no customer account");
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

    private int? Required(int? value, string field, string hint = "")
    {
        Holds(value is not null, $"{field} is missing{hint}");
        return value;
    }

    // The value when it is present and between min and max; otherwise null, once the problem is reported.
    private int? InRange(int? value, string field, int min, int max, string why = "") =>
        Required(value, field) is not { } found || Holds(found >= min && found <= max, $"{field} must be between {min:N0} and {max:N0}{why}; found {found}")
            ? value
            : null;

    private string? RequiredText(string? value, string field, string hint = "") =>
        Holds(!string.IsNullOrWhiteSpace(value), $"{field} is missing{hint}") ? value : null;

    // Reports the problem unless the condition holds; true when it does.
    private bool Holds(bool condition, string problem)
    {
        if (!condition)
        {
            _errors.Add($"{source}: {problem}");
        }

        return condition;
    }

    private void Error(string problem) => Holds(false, problem);
}
