using System.Linq.Expressions;
using CustomerPortal.Core;

namespace CustomerPortal.DualWrite;

// The one rule that makes a customer-owned row visible (see CustomerOwnedAttribute), as an expression:
// EF Core turns it into SQL on the mirror; the Dataverse adapter turns the same columns into $filter.
public static class Ownership
{
    public static Expression<Func<TRow, bool>> VisibleTo<TRow>(CustomerScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var owner = OwnerOf(DualWriteSchema.Table<TRow>());
        var row = Expression.Parameter(typeof(TRow), "row");
        // Values are read from an object, not inlined, so EF Core sends them as parameters and reuses its plan.
        var values = Expression.Constant(new ScopeValues(scope.AccountId, scope.CompanyId, scope.ContactId));
        Expression Is(DualWriteColumn column, string value) => Expression.Equal(
            Expression.Convert(Expression.Property(row, column.Property), typeof(Guid?)),
            Expression.Convert(Expression.Property(values, value), typeof(Guid?)));

        var visible = Expression.AndAlso(Is(owner.Account, nameof(ScopeValues.Account)), Is(owner.Company, nameof(ScopeValues.Company)));
        if (!scope.SeesWholeAccount && owner.ContactPerson is { } contactPerson)
        {
            visible = Expression.AndAlso(visible, Is(contactPerson, nameof(ScopeValues.Contact)));
        }

        return Expression.Lambda<Func<TRow, bool>>(visible, row);
    }

    // The columns and values of the rule, for a query language other than LINQ.
    public static IEnumerable<(DualWriteColumn Column, Guid Value)> Conditions(DualWriteTable table, CustomerScope scope)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(scope);
        var owner = OwnerOf(table);
        yield return (owner.Account, scope.AccountId);
        yield return (owner.Company, scope.CompanyId);
        if (!scope.SeesWholeAccount && owner.ContactPerson is { } contactPerson)
        {
            yield return (contactPerson, scope.ContactId);
        }
    }

    private static CustomerOwnership OwnerOf(DualWriteTable table) => table.Owner
        ?? throw new InvalidOperationException($"{table.LogicalName} is not owned by a customer: mark its row class [CustomerOwned].");

    private sealed record ScopeValues(Guid Account, Guid Company, Guid Contact);
}
