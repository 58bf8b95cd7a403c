using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// Two colleagues on the first persona's account with names a demo can find: one prepared for the
// portal and not invited yet, one whose price list was never filled in, so the
// invitation page has something to invite and something to refuse. Only names, e-mails and the two
// lookups change; no random draw is added, so every other row stays as it was.
internal static class DemoInvitees
{
    public const string PreparedLocalPart = "invitee";
    public const string UnpreparedLocalPart = "unprepared";

    public static void Apply(IReadOnlyList<ContactRow> colleagues, string emailDomain, ContactRow preparedLike)
    {
        if (colleagues.Count > 0)
        {
            // Prepared like the persona's own contact, whatever the careless-contact draw did to it.
            var prepared = colleagues[0];
            Rename(prepared, "Iris", "Invitee", $"{PreparedLocalPart}@{emailDomain}");
            prepared.CompanyId = preparedLike.CompanyId;
            prepared.PriceListId = preparedLike.PriceListId;
            prepared.CurrencyId = preparedLike.CurrencyId;
            prepared.Country = preparedLike.Country;
        }

        if (colleagues.Count > 1)
        {
            var unprepared = colleagues[1];
            Rename(unprepared, "Umar", "Unprepared", $"{UnpreparedLocalPart}@{emailDomain}");
            unprepared.PriceListId = null;
        }
    }

    private static void Rename(ContactRow contact, string firstName, string lastName, string email)
    {
        contact.FirstName = firstName;
        contact.LastName = lastName;
        contact.FullName = $"{firstName} {lastName}";
        contact.Email = email;
    }
}
