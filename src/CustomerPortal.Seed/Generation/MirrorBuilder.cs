using System.Globalization;
using CustomerPortal.Data.Sqlite.Mirror;
using CustomerPortal.DualWrite;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.Seed.Generation;

// Writes a new mirror file: all rows in one transaction through prepared statements, orders streamed
// as they are generated, indexes built at the end (MirrorDatabase.FinishLoad).
internal static class MirrorBuilder
{
    // The rows written per table (portal users and time are left for the caller), and the contacts the personas sign in as.
    public static (SeedSummary Rows, IReadOnlyList<Guid?> PersonaContactIds) Build(SeedProfile profile, string path, SeedProgress progress)
    {
        var reference = ReferenceDataGenerator.Generate(profile);
        var personaAccounts = PersonaAccountIndexes(profile);
        var accounts = AccountGenerator.Generate(profile, reference, personaAccounts.OfType<int>().ToHashSet());
        var customers = ContactGenerator.Generate(profile, reference, accounts, personaAccounts);
        progress.Report(string.Create(CultureInfo.InvariantCulture,
            $"generated {reference.Products.Count:N0} products, {accounts.Count:N0} customer accounts, {customers.Contacts.Count:N0} contacts"));

        using var mirror = MirrorDatabase.CreateEmpty(path);
        var orders = 0;
        var lines = 0;
        var invoiceCount = 0;
        var invoiceLineCount = 0;
        using (var transaction = mirror.Connection.BeginTransaction())
        {
            InsertAll(mirror, transaction, reference.Companies.Select(c => c.Row));
            InsertAll(mirror, transaction, reference.Companies.SelectMany(c => c.DeliveryModes));
            InsertAll(mirror, transaction, reference.Currencies);
            InsertAll(mirror, transaction, reference.Units.Select(u => u.Row));
            InsertAll(mirror, transaction, reference.PriceLists.Select(p => p.Row));
            InsertAll(mirror, transaction, reference.Products.Select(p => p.Row));
            InsertAll(mirror, transaction, reference.PriceListItems);
            InsertAll(mirror, transaction, accounts.Select(a => a.Row));
            InsertAll(mirror, transaction, customers.Contacts);

            using var orderWriter = mirror.Writer<SalesOrderRow>(transaction);
            using var lineWriter = mirror.Writer<SalesOrderLineRow>(transaction);
            using var invoiceWriter = mirror.Writer<InvoiceRow>(transaction);
            using var invoiceLineWriter = mirror.Writer<InvoiceLineRow>(transaction);
            var invoices = new InvoiceGenerator(profile);
            var generator = new SalesOrderGenerator(profile, accounts, PersonaTargets(profile, personaAccounts, customers.PersonaContactIds, accounts));
            var total = profile.Counts.Orders;
            var reportEvery = Math.Max(1, total / 10);
            while (generator.Generated < total)
            {
                var orderIndex = generator.Generated;
                var order = generator.Next();
                orderWriter.Insert(order);
                foreach (var line in order.Lines)
                {
                    lineWriter.Insert(line);
                }

                foreach (var invoice in invoices.For(order, orderIndex, generator.AccountOf(order)))
                {
                    invoiceWriter.Insert(invoice);
                    foreach (var line in invoice.Lines)
                    {
                        invoiceLineWriter.Insert(line);
                    }

                    invoiceCount++;
                    invoiceLineCount += invoice.Lines.Count;
                }

                orders++;
                lines += order.Lines.Count;
                if (orders % reportEvery == 0 || orders == total)
                {
                    progress.ReportOrders(orders, total);
                }
            }

            transaction.Commit();
        }

        progress.Report("building indexes");
        mirror.FinishLoad();

        var written = new SeedSummary(reference.Companies.Count, reference.Currencies.Count, reference.Units.Count, reference.PriceLists.Count,
            reference.PriceListItems.Count, reference.Products.Count, accounts.Count, customers.Contacts.Count, orders, lines, 0, TimeSpan.Zero)
        {
            DeliveryModes = reference.Companies.Sum(c => c.DeliveryModes.Count),
            Invoices = invoiceCount,
            InvoiceLines = invoiceLineCount,
        };
        return (written, customers.PersonaContactIds);
    }

    // What each customer persona sees: its account, and for an authorized user only the orders it is the
    // contact person of. The order generator makes sure each has open, late and recently delivered orders.
    private static List<PersonaTarget> PersonaTargets(SeedProfile profile, List<int?> accountIndexes, IReadOnlyList<Guid?> contactIds, List<SeedAccount> accounts)
    {
        var targets = new List<PersonaTarget>();
        for (var i = 0; i < profile.Personas.Count; i++)
        {
            if (accountIndexes[i] is { } accountIndex && contactIds[i] is { } contactId)
            {
                var ownOrdersOnly = profile.Personas[i].Role == Core.PortalRoles.AuthorizedUser;
                targets.Add(new PersonaTarget(accounts[accountIndex].Row.AccountId, ownOrdersOnly ? contactId : null));
            }
        }

        // Authorized users first: their orders are their representative's too.
        return [.. targets.OrderBy(t => t.ContactId is null)];
    }

    // For each persona, the index of the customer account it acts for (null for the administrator).
    private static List<int?> PersonaAccountIndexes(SeedProfile profile) => profile.Personas
        .Select(persona => persona.AccountNumber is { } number
            && AccountNumbering.TryParse(number, profile.Counts.Companies, profile.Counts.Accounts, out var index)
                ? index
                : (int?)null)
        .ToList();

    private static void InsertAll<TRow>(MirrorDatabase mirror, SqliteTransaction transaction, IEnumerable<TRow> rows) where TRow : class
    {
        using var writer = mirror.Writer<TRow>(transaction);
        foreach (var row in rows)
        {
            writer.Insert(row);
        }
    }
}
