using Bogus;
using CustomerPortal.Core.Accounts;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// Customer accounts (account), dealt round-robin to the legal entities, with names, addresses and phone
// numbers from Bogus in each legal entity's locale.
internal static class AccountGenerator
{
    private static readonly decimal[] CreditLimitsInDollars = [5_000, 10_000, 25_000, 50_000, 75_000, 100_000, 150_000, 250_000, 500_000];
    private static readonly string[] OtherAddressKinds = ["Delivery address", "Store", "Distribution center", "Showroom", "Site office", "Branch warehouse", "Installation site"];
    private static readonly string[] MailboxNames = ["orders", "purchasing", "info", "accounts"];

    public static List<SeedAccount> Generate(SeedProfile profile, ReferenceData reference, ISet<int> personaAccounts)
    {
        var seed = profile.RandomSeed;
        var companies = reference.Companies;
        // One Bogus stream per legal entity: a German customer's name never depends on how many American ones came first.
        var fakers = companies
            .Select((company, c) => new Faker(company.Template.Locale) { Random = new Randomizer(SeedIds.RandomSeed(seed, SeedStream.AccountDraws, c)) })
            .ToArray();
        var addressWriters = companies
            .Select((company, c) => new AddressWriter(company.Template, SeedIds.RandomSeed(seed, SeedStream.AccountDraws, c, 1)))
            .ToArray();

        var accounts = new List<SeedAccount>(profile.Counts.Accounts);
        for (var index = 0; index < profile.Counts.Accounts; index++)
        {
            var companyIndex = AccountNumbering.CompanyIndexOf(index, companies.Count);
            var company = companies[companyIndex];
            var faker = fakers[companyIndex];
            var addresses = addressWriters[companyIndex];

            var accountNumber = AccountNumbering.Format(index, companies.Count);
            var name = Truncate(faker.Company.CompanyName(), 160);
            var domain = EmailNames.DomainFor(name, accountNumber, company.Template.Locale);
            var mainAddress = addresses.Next("Main warehouse");
            var otherAddresses = faker.PickRandom(OtherAddressKinds, faker.Random.Int(1, 3))
                .Select(kind => addresses.Next(kind))
                .Select(address => address with { Description = Truncate($"{address.Description} {address.City}", 60) })
                .ToList();
            // The demo representative's account (account 0) is a key account, so the demo shows the discounted list.
            var isKeyAccount = index == 0 || faker.Random.Bool(0.2f);
            var priceList = isKeyAccount ? company.KeyAccountPrices : company.StandardPrices;
            var creditLimit = faker.Random.Bool(0.15f) ? (decimal?)null : CreditLimit(faker.PickRandom(CreditLimitsInDollars), company.Currency.ExchangeRate);
            var onHold = faker.Random.Double() switch
            {
                // Persona accounts are never on hold: a demo user must be able to order.
                _ when index == 0 || personaAccounts.Contains(index) => OnHoldStatus.No,
                < 0.04 => OnHoldStatus.Invoice,
                < 0.06 => OnHoldStatus.All,
                _ => OnHoldStatus.No,
            };

            var row = new AccountRow
            {
                AccountId = SeedIds.For(seed, SeedStream.AccountId, index),
                Name = name,
                AccountNumber = accountNumber,
                CompanyId = company.Row.CompanyId,
                CustomerTypeCode = 3,
                Line1 = mainAddress.Line1,
                Line2 = mainAddress.Line2,
                City = mainAddress.City,
                StateOrProvince = mainAddress.StateOrProvince,
                PostalCode = mainAddress.PostalCode,
                Country = mainAddress.Country,
                Phone = faker.Phone.PhoneNumber(),
                Email = $"{faker.PickRandom(MailboxNames)}@{domain}",
                CurrencyId = company.Currency.CurrencyId,
                PriceListId = priceList.Row.PriceListId,
                CreditLimit = creditLimit,
                CreditLimitIsMandatory = creditLimit is not null && faker.Random.Bool(0.3f),
                OnHoldStatus = onHold,
                StateCode = 0,
            };
            accounts.Add(new SeedAccount(row, company, priceList, domain, mainAddress, otherAddresses));
        }

        return accounts;
    }

    // A round figure in the account's currency: 50,000 dollars is 46,000 euros or 7,600,000 yen.
    private static decimal CreditLimit(decimal dollars, decimal exchangeRate)
    {
        var amount = dollars * exchangeRate;
        var step = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)amount)) - 1);
        return Math.Round(amount / step, 0, MidpointRounding.AwayFromZero) * step;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd();
}
