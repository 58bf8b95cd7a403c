using System.Linq.Expressions;
using CustomerPortal.Core;
using CustomerPortal.DualWrite;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Data.Sqlite.Mirror;

// A read that a busy page runs on every request, compiled once by EF Core (EF.CompileAsyncQuery). Written as a
// lambda over the rows the customer may see and its arguments (one, or four for a page of a list):
//
//     ScopedQuery.Single<SalesOrderRow, string, SalesOrder?>((orders, orderNumber) =>
//         orders.Where(o => o.OrderNumber == orderNumber).Select(Records.SalesOrderHeader).SingleOrDefault());
//
// Why: an uncompiled query has its whole expression tree walked, parameterized and looked up in EF Core's query
// cache on every run. For the order page's three statements that was half their time on the large profile, run in
// a loop: 545 -> 270 us, and 80 -> 36 KB allocated per page (issue 16).
//
// The rows are the customer's through the one ownership rule (Ownership.VisibleTo), with the scope's ids as the
// compiled query's parameters. The rule applies to the rows the lambda starts from; their children (an order's
// lines, an invoice's lines) are theirs too, but a lambda must not walk up a lookup and out to other rows.
// The rule has two shapes, the whole account or only the contact's own rows, and each is compiled on its own: one
// statement with "(whole account or contact = @contact)" would be planned once without its values (PrepareOnce)
// and could not use the contact person's index. There is one pair per EF model, because a compiled query is tied to
// the model it first ran with and each test host builds its own (CompiledPerModel).
internal static class ScopedQuery
{
    // A query with one answer: SingleOrDefault, Count, Any, ...
    public static ScopedQuery<TArg, TResult> Single<TRow, TArg, TResult>(Expression<Func<IQueryable<TRow>, TArg, TResult>> query)
        where TRow : class =>
        new(seesWholeAccount =>
        {
            var cancellationToken = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
            var compiled = EF.CompileAsyncQuery(
                WithTheRule<TRow, Func<MirrorDbContext, Guid, Guid, Guid, TArg, CancellationToken, TResult>>(query, seesWholeAccount, cancellationToken));
            return compiled.Invoke;
        });

    // A query with rows, read into a list.
    public static ScopedQuery<TArg, List<TResult>> List<TRow, TArg, TResult>(Expression<Func<IQueryable<TRow>, TArg, IQueryable<TResult>>> query)
        where TRow : class =>
        new(seesWholeAccount =>
        {
            var rows = EF.CompileAsyncQuery(WithTheRule<TRow, Func<MirrorDbContext, Guid, Guid, Guid, TArg, IQueryable<TResult>>>(query, seesWholeAccount));
            return (db, accountId, companyId, contactId, argument, cancellationToken) =>
                rows(db, accountId, companyId, contactId, argument).ToListAsync(cancellationToken).AsTask();
        });

    // A page of a list: rows, with what the rows must match, where the page starts and how many rows to read.
    public static ScopedQuery<(T1, T2, T3, T4), List<TResult>> List<TRow, T1, T2, T3, T4, TResult>(
        Expression<Func<IQueryable<TRow>, T1, T2, T3, T4, IQueryable<TResult>>> query)
        where TRow : class =>
        new(seesWholeAccount =>
        {
            var rows = EF.CompileAsyncQuery(WithTheRule<TRow, Func<MirrorDbContext, Guid, Guid, Guid, T1, T2, T3, T4, IQueryable<TResult>>>(query, seesWholeAccount));
            return (db, accountId, companyId, contactId, arguments, cancellationToken) =>
                rows(db, accountId, companyId, contactId, arguments.Item1, arguments.Item2, arguments.Item3, arguments.Item4)
                    .ToListAsync(cancellationToken).AsTask();
        });

    // (rows, arguments) => query  becomes  (db, accountId, companyId, contactId, arguments[, cancellationToken]) => query
    // over db.Set<TRow>().Where(the ownership rule).
    private static Expression<TDelegate> WithTheRule<TRow, TDelegate>(LambdaExpression query, bool seesWholeAccount, ParameterExpression? cancellationToken = null)
        where TRow : class
    {
        var db = Expression.Parameter(typeof(MirrorDbContext), "db");
        var accountId = Expression.Parameter(typeof(Guid), "accountId");
        var companyId = Expression.Parameter(typeof(Guid), "companyId");
        var contactId = Expression.Parameter(typeof(Guid), "contactId");
        var visible = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TRow)],
            Expression.Call(db, nameof(DbContext.Set), [typeof(TRow)]),
            Expression.Quote(Ownership.VisibleTo<TRow>(seesWholeAccount, accountId, companyId, contactId)));
        var body = new Substitute(query.Parameters[0], visible).Visit(query.Body);
        ParameterExpression[] parameters = [db, accountId, companyId, contactId, .. query.Parameters.Skip(1)];
        return Expression.Lambda<TDelegate>(body, cancellationToken is null ? parameters : [.. parameters, cancellationToken]);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}

internal sealed class ScopedQuery<TArg, TResult>(Func<bool, ScopedQuery<TArg, TResult>.Compiled> compile)
{
    private readonly CompiledPerModel<Shapes> byModel = new(() => new Shapes(OwnRows: compile(false), WholeAccount: compile(true)));

    internal delegate Task<TResult> Compiled(MirrorDbContext db, Guid accountId, Guid companyId, Guid contactId, TArg argument, CancellationToken cancellationToken);

    public Task<TResult> RunAsync(MirrorDbContext db, CustomerScope scope, TArg argument, CancellationToken cancellationToken)
    {
        var shapes = byModel.For(db);
        var query = scope.SeesWholeAccount ? shapes.WholeAccount : shapes.OwnRows;
        return query(db, scope.AccountId, scope.CompanyId, scope.ContactId, argument, cancellationToken);
    }

    private sealed record Shapes(Compiled OwnRows, Compiled WholeAccount);
}
