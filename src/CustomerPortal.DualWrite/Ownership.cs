using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CustomerPortal.Core;

namespace CustomerPortal.DualWrite;

// The one rule that makes a customer-owned row visible (see CustomerOwnedAttribute), as an expression:
// EF Core turns it into SQL on the mirror; the Dataverse adapter turns the same columns into $filter.
public static class Ownership
{
    public static Expression<Func<TRow, bool>> VisibleTo<TRow>(CustomerScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // Values are read from an object, not inlined, so EF Core sends them as parameters and reuses its plan.
        var values = Expression.Constant(new ScopeValues(scope.AccountId, scope.CompanyId, scope.ContactId));
        return VisibleTo<TRow>(scope.SeesWholeAccount,
            Expression.Property(values, nameof(ScopeValues.Account)),
            Expression.Property(values, nameof(ScopeValues.Company)),
            Expression.Property(values, nameof(ScopeValues.Contact)));
    }

    // The same rule with the scope's ids as given expressions (Guid): the parameters of an EF Core compiled query.
    public static Expression<Func<TRow, bool>> VisibleTo<TRow>(bool seesWholeAccount, Expression accountId, Expression companyId, Expression contactId)
    {
        RequireGuid(accountId);
        RequireGuid(companyId);
        RequireGuid(contactId);
        var owner = OwnerOf(DualWriteSchema.Table<TRow>());
        var row = Expression.Parameter(typeof(TRow), "row");
        static Expression Is(Expression holder, DualWriteColumn column, Expression value) => Expression.Equal(
            Expression.Convert(Expression.Property(holder, column.Property), typeof(Guid?)),
            Expression.Convert(value, typeof(Guid?)));

        var visible = Expression.AndAlso(Is(row, owner.Account, accountId), Is(row, owner.Company, companyId));
        if (!seesWholeAccount && owner.ContactPerson is { } contactPerson)
        {
            // Through a lookup: row.SalesOrder.ContactPersonId, which EF Core turns into a join.
            Expression holder = owner.Through is { } through
                ? Expression.Property(row, through.Lookup!.Navigation
                    ?? throw new InvalidOperationException($"{through} needs a navigation property for the ownership rule."))
                : row;
            visible = Expression.AndAlso(visible, Is(holder, contactPerson, contactId));
        }

        return Expression.Lambda<Func<TRow, bool>>(visible, row);
    }

    // The columns and values of the rule, for a query language other than LINQ. Through is the lookup the
    // column is read through (null for the row's own columns): the Web API filters on salesorderid/_msdyn_contactperson_value.
    public static IEnumerable<(DualWriteColumn Column, Guid Value, DualWriteColumn? Through)> Conditions(DualWriteTable table, CustomerScope scope)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(scope);
        var owner = OwnerOf(table);
        yield return (owner.Account, scope.AccountId, null);
        yield return (owner.Company, scope.CompanyId, null);
        if (!scope.SeesWholeAccount && owner.ContactPerson is { } contactPerson)
        {
            yield return (contactPerson, scope.ContactId, owner.Through);
        }
    }

    private static void RequireGuid(Expression id, [CallerArgumentExpression(nameof(id))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(id, name);
        if (id.Type != typeof(Guid))
        {
            throw new ArgumentException($"The scope's ids are Guid expressions, not {id.Type.Name}.", name);
        }
    }

    private static CustomerOwnership OwnerOf(DualWriteTable table) => table.Owner
        ?? throw new InvalidOperationException($"{table.LogicalName} is not owned by a customer: mark its row class [CustomerOwned].");

    private sealed record ScopeValues(Guid Account, Guid Company, Guid Contact);
}
