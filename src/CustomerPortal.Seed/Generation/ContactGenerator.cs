using System.Globalization;
using Bogus;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// Contacts (contact) of the customer accounts. Every account gets at least one complete contact; a
// persona's account gets one per persona plus two more, so its account page lists colleagues too.
internal static class ContactGenerator
{
    private const double IncompleteShare = 0.03;

    private static readonly string[] JobTitles =
    [
        "Purchasing Manager", "Buyer", "Senior Buyer", "Procurement Specialist", "Store Manager", "Operations Manager",
        "Logistics Coordinator", "Installation Lead", "Project Manager", "Accounts Payable Clerk", "Owner", "Category Manager",
    ];

    public static Customers Generate(SeedProfile profile, ReferenceData reference, IReadOnlyList<SeedAccount> accounts, IReadOnlyList<int?> personaAccountIndexes)
    {
        var seed = profile.RandomSeed;
        var accountOf = AssignContactsToAccounts(profile, accounts.Count, personaAccountIndexes);
        var personaOfContact = AssignPersonas(accountOf, personaAccountIndexes, out var personaContactIndexes);

        // One Bogus stream per legal entity, as for accounts.
        var fakers = reference.Companies
            .Select((company, c) => new Faker(company.Template.Locale) { Random = new Randomizer(SeedIds.RandomSeed(seed, SeedStream.ContactDraws, c)) })
            .ToArray();

        var contacts = new List<ContactRow>(accountOf.Length);
        for (var index = 0; index < accountOf.Length; index++)
        {
            var accountIndex = accountOf[index];
            var account = accounts[accountIndex];
            var company = account.Company;
            var faker = fakers[AccountNumbering.CompanyIndexOf(accountIndex, reference.Companies.Count)];
            var firstName = faker.Name.FirstName();
            var lastName = faker.Name.LastName();
            var contactPersonId = string.Create(CultureInfo.InvariantCulture, $"CP-{index + 1:D6}");
            var localPart = EmailNames.LocalPart(firstName, lastName, company.Template.Locale, faker.Random.Bool(0.3f), contactPersonId.ToLowerInvariant());
            var phone = faker.Phone.PhoneNumber();
            var jobTitle = faker.PickRandom(JobTitles);
            var incompleteDraw = faker.Random.Double();
            var missingCompany = faker.Random.Bool(1f / 3);

            var contact = new ContactRow
            {
                ContactId = SeedIds.For(seed, SeedStream.ContactId, index),
                FirstName = firstName,
                LastName = lastName,
                FullName = $"{firstName} {lastName}",
                Email = $"{localPart}@{account.EmailDomain}",
                Phone = phone,
                JobTitle = jobTitle,
                AccountId = account.Row.AccountId,
                AccountIdType = "account",
                CompanyId = company.Row.CompanyId,
                ScmContactPersonId = contactPersonId,
                PriceListId = account.PriceList.Row.PriceListId,
                CurrencyId = company.Currency.CurrencyId,
                Country = company.Template.Country,
                StateCode = 0,
            };

            // A few contacts were set up carelessly, as in any real Dataverse: ordering fails for them with
            // "missing price list" or "missing company". Never an account's first contact, never a persona.
            var isFirstOfAccount = index < accounts.Count;
            if (!isFirstOfAccount && personaOfContact[index] is null && incompleteDraw < IncompleteShare)
            {
                if (missingCompany)
                {
                    contact.CompanyId = null;
                }
                else
                {
                    contact.PriceListId = null;
                }
            }

            if (personaOfContact[index] is { } personaIndex)
            {
                var persona = profile.Personas[personaIndex];
                contact.FirstName = persona.FirstName;
                contact.LastName = persona.LastName;
                contact.FullName = $"{persona.FirstName} {persona.LastName}";
                contact.Email = persona.Email;
            }

            contacts.Add(contact);
            account.Contacts.Add(contact);
        }

        if (personaAccountIndexes.FirstOrDefault(a => a is not null) is { } demoAccount)
        {
            var firstPersonaIndex = personaAccountIndexes.ToList().IndexOf(demoAccount);
            var firstPersona = profile.Personas[firstPersonaIndex];
            var colleagues = Enumerable.Range(0, contacts.Count)
                .Where(i => accountOf[i] == demoAccount && personaOfContact[i] is null && i >= accounts.Count)
                .Select(i => contacts[i])
                .ToList();
            DemoInvitees.Apply(colleagues, firstPersona.Email.Split('@')[1], contacts[personaContactIndexes[firstPersonaIndex]!.Value]);
        }

        var personaContactIds = personaContactIndexes
            .Select(index => index is { } i ? contacts[i].ContactId : (Guid?)null)
            .ToList();
        return new Customers(contacts, personaContactIds);
    }

    // Which account each contact belongs to, in contact order: first one per account (contact i belongs to
    // account i), then the extra contacts persona accounts need, then the rest spread over the accounts,
    // bigger customers (lower account numbers) a little more likely.
    private static int[] AssignContactsToAccounts(SeedProfile profile, int accountCount, IReadOnlyList<int?> personaAccountIndexes)
    {
        var accountOf = new int[profile.Counts.Contacts];
        var next = 0;
        for (var account = 0; account < accountCount; account++)
        {
            accountOf[next++] = account;
        }

        foreach (var group in personaAccountIndexes.OfType<int>().GroupBy(a => a).OrderBy(g => g.Key))
        {
            // One persona takes the account's first contact, the others and two colleagues need more.
            var extra = group.Count() + 1;
            for (var i = 0; i < extra; i++)
            {
                accountOf[next++] = group.Key;
            }
        }

        var random = new Random(SeedIds.RandomSeed(profile.RandomSeed, SeedStream.ContactAssignmentDraws));
        var picker = WeightedPicker.Zipf(accountCount, 0.4);
        while (next < accountOf.Length)
        {
            accountOf[next++] = picker.Pick(random);
        }

        return accountOf;
    }

    // Each customer persona takes the next unused contact of its account, in contact order.
    private static int?[] AssignPersonas(int[] accountOf, IReadOnlyList<int?> personaAccountIndexes, out int?[] personaContactIndexes)
    {
        var personaOfContact = new int?[accountOf.Length];
        personaContactIndexes = new int?[personaAccountIndexes.Count];
        for (var persona = 0; persona < personaAccountIndexes.Count; persona++)
        {
            if (personaAccountIndexes[persona] is not { } account)
            {
                continue;
            }

            var contact = Array.FindIndex(accountOf, (a) => a == account);
            while (personaOfContact[contact] is not null || accountOf[contact] != account)
            {
                contact++;
            }

            personaOfContact[contact] = persona;
            personaContactIndexes[persona] = contact;
        }

        return personaOfContact;
    }
}
