using CustomerPortal.Core.Orders;

namespace CustomerPortal.Seed.Generation;

// What a customer persona sees: the orders of its account, or for an authorized user only those it is
// the contact person of (ContactId).
internal sealed record PersonaTarget(Guid AccountId, Guid? ContactId);

internal enum PersonaOrderKind
{
    Late,
    RecentlyDelivered,
}

// An order the plan set aside for a persona: what it has to show, the contact person it is moved to
// (an authorized user's), and the status it is moved to when no recent order had a fitting one.
internal sealed record PersonaOrder(PersonaOrderKind Kind, Guid? ContactId, ProcessingStatus? Status);

// Makes sure every demo persona has a late open order and a recently delivered one as of the reference
// date (a late order is open, so it has an open one too). It looks at the orders of the last weeks
// before generating them (their first draws, SalesOrderGenerator.Preview) and picks, for each persona
// that lacks one: an order of its own with a fitting status; else one of its account's orders, given
// to the authorized user as contact person; else a recent order of its own whose status is moved
// (confirmed, or delivered) within what its age allows. Deterministic: it depends on the profile only.
internal static class PersonaOrderPlan
{
    private const int LookBackDays = 45;

    private static readonly ProcessingStatus[] ConfirmedOpen =
        [ProcessingStatus.Confirmed, ProcessingStatus.Picked, ProcessingStatus.PartiallyDelivered, ProcessingStatus.PartiallyInvoiced];

    public static Dictionary<int, PersonaOrder> Plan(SalesOrderGenerator generator, IReadOnlyList<PersonaTarget> targets)
    {
        var plan = new Dictionary<int, PersonaOrder>();
        if (targets.Count == 0)
        {
            return plan;
        }

        var timeline = generator.NewTimeline();
        var recent = new List<(int Index, Guid Account, Guid Contact, double DaysOld, ProcessingStatus Status)>();
        for (var index = generator.OrderCount - 1; index >= 0; index--)
        {
            var (account, contact, orderedOn, status) = generator.Preview(index, timeline);
            var daysOld = (generator.End - orderedOn).TotalDays;
            if (daysOld > LookBackDays)
            {
                break;
            }

            recent.Add((index, account.Row.AccountId, contact.ContactId, daysOld, status));
        }

        foreach (var target in targets)
        {
            bool Sees((int Index, Guid Account, Guid Contact, double DaysOld, ProcessingStatus Status) o) =>
                o.Account == target.AccountId && (target.ContactId is null || o.Contact == target.ContactId
                    || plan.GetValueOrDefault(o.Index)?.ContactId == target.ContactId);

            void Ensure(PersonaOrderKind kind, Func<ProcessingStatus, double, bool> fits, ProcessingStatus forced, double minDays, double maxDays)
            {
                if (recent.Any(o => Sees(o) && plan.GetValueOrDefault(o.Index)?.Kind == kind))
                {
                    return;
                }

                // Most recent first, but a late order preferably one confirmed a week or more ago.
                var free = recent.Where(o => !plan.ContainsKey(o.Index) && o.Account == target.AccountId)
                    .OrderBy(o => kind == PersonaOrderKind.Late && o.DaysOld < 7).ToList();
                var own = free.Where(o => Sees(o) && fits(o.Status, o.DaysOld)).ToList();
                var borrowed = target.ContactId is null ? [] : free.Where(o => fits(o.Status, o.DaysOld)).ToList();
                var moved = free.Where(o => Sees(o) && o.DaysOld >= minDays && o.DaysOld < maxDays).ToList();
                if (own.Count > 0)
                {
                    plan[own[0].Index] = new PersonaOrder(kind, null, null);
                }
                else if (borrowed.Count > 0)
                {
                    plan[borrowed[0].Index] = new PersonaOrder(kind, target.ContactId, null);
                }
                else if (moved.Count > 0)
                {
                    plan[moved[0].Index] = new PersonaOrder(kind, null, forced);
                }
            }

            // Late: confirmed (so Supply Chain Management promised a day), a few days old at least.
            Ensure(PersonaOrderKind.Late, (status, days) => ConfirmedOpen.Contains(status) && days >= 3 && days < 30, ProcessingStatus.Confirmed, 3, 30);
            Ensure(PersonaOrderKind.RecentlyDelivered, (status, days) => DeliveryRules.DeliveredStatuses.Contains(status) && days >= 2 && days < 30,
                ProcessingStatus.Delivered, 2, 30);
        }

        return plan;
    }

    // The status an order gets: the planned one, unless the plan moves it (or the plan's look-ahead,
    // which ignores the few seconds an order date can be nudged, saw another status).
    public static ProcessingStatus StatusFor(PersonaOrder? persona, ProcessingStatus planned) => persona switch
    {
        null => planned,
        { Status: { } moved } => moved,
        { Kind: PersonaOrderKind.Late } when !ConfirmedOpen.Contains(planned) => ProcessingStatus.Confirmed,
        { Kind: PersonaOrderKind.RecentlyDelivered } when !DeliveryRules.DeliveredStatuses.Contains(planned) => ProcessingStatus.Delivered,
        _ => planned,
    };
}
