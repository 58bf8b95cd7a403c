using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Products;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Resources;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Ordering;

// The cart is the draft (issue 13): "Add to order" on the catalogue and on any order page adds to the user's
// current draft, their most recently changed open draft for the account, started when there is none. The same
// checks and messages as the items step: the product as this contact may order it, the merged quantity, the
// line limit. A refusal writes nothing, not even an empty draft.
public sealed class CurrentDraft(OrderDraftStore drafts, IOrderEntry ordering, IMemoryCache cache, IStringLocalizer<SharedResource> localizer)
{
    // As long as the Dataverse reference data (prices) is kept: the header's estimate is never staler than the catalogue's.
    private static readonly TimeSpan SummaryLifetime = TimeSpan.FromMinutes(5);

    // A newer version replaces the entry's use at once; this only bounds how long an unused one is kept.
    private static readonly TimeSpan CurrentLinesLifetime = TimeSpan.FromMinutes(10);

    public async Task<AddToOrderResult> AddAsync(
        string userId, CustomerScope scope, string? itemNumber, decimal? quantity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var item = itemNumber?.Trim();
        if (string.IsNullOrEmpty(item) || item.Length > ProductQuery.MaxSearchLength)
        {
            return Refused(localizer["Cart.NoItem"]);
        }

        if (quantity is not { } added)
        {
            return Refused(localizer["Cart.Refused", item, localizer["Validation.MustBeNumber"]]);
        }

        var defaults = await ordering.GetDefaultsAsync(scope, cancellationToken);
        if (!defaults.CanOrder)
        {
            return Refused(localizer["Cart.CannotOrder"]);
        }

        var product = (await ordering.LookUpAsync(scope, [item], [], cancellationToken))
            .FirstOrDefault(p => string.Equals(p.ItemNumber, item, StringComparison.OrdinalIgnoreCase));
        if (product is null)
        {
            return Refused(localizer["Ordering.UnknownItem", item]);
        }

        // The count first: an add that then finds no open draft names the new one by it (see NewDraftId).
        var count = await drafts.CountAsync(userId, scope.AccountId, cancellationToken);
        var draft = await drafts.FindCurrentAsync(userId, scope.AccountId, cancellationToken);
        var existing = draft?.Lines.FirstOrDefault(l => l.ProductId == product.ProductId);
        var refusal = OrderingRules.CheckLine(product, OrderingRules.Merge(existing?.Quantity ?? 0, added));
        if (refusal is not null)
        {
            var reason = refusal.Quantity is { } problem ? QuantityMessage(problem, product) : localizer.Label(refusal);
            return Refused(localizer["Cart.Refused", product.ItemNumber, reason]);
        }

        if (existing is null && draft?.Lines.Count >= OrderingRules.MaxLines)
        {
            return Refused(localizer["Cart.Refused", product.ItemNumber, localizer["Ordering.TooManyLines", OrderingRules.MaxLines]]);
        }

        draft = draft is null
            ? await StartAsync(NewDraftId(userId, scope.AccountId, count), userId, scope, defaults, product, added, cancellationToken)
            : await AddToAsync(draft, product, added, cancellationToken);
        var message = localizer["Cart.Added", DisplayFormat.Quantity(added, product.QuantityDecimals), product.ItemNumber];
        return new AddToOrderResult(true, message, draft.SalesOrderId);
    }

    // What the header shows: the current draft's line count and its estimated total, priced as the draft
    // pages price it (DraftLinePrice). Draft lines store no prices (they are looked up again whenever a draft
    // is shown or submitted), and storing an estimate would mean a store migration and every way a line is
    // added (items step, quick entry, reorder, templates, upload) keeping it up to date. Instead the priced
    // total is remembered for exactly these lines, and the lines for the version of the user's drafts the
    // session check read (draftsVersion, from the shared store, so a change made on another instance is seen at
    // the next request): no portal-store query of its own while the drafts are unchanged, and a data-source call
    // only on the first page after the lines changed. Null when there is no draft.
    public async Task<DraftSummary?> SummarizeAsync(string userId, CustomerScope scope, DraftsVersion? draftsVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var draft = await FindCurrentLinesAsync(userId, scope, draftsVersion, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var key = SummaryKey(scope, draft);
        if (!cache.TryGetValue(key, out (decimal Total, Currency? Currency) estimate))
        {
            try
            {
                var products = draft.Lines.Count == 0 ? []
                    : await ordering.LookUpAsync(scope, [], [.. draft.Lines.Select(l => l.ProductId)], cancellationToken);
                estimate = DraftLinePrice.Estimate(draft.Lines, products);
                cache.Set(key, estimate, SummaryLifetime);
            }
            catch (DataSourceUnavailableException)
            {
                // The header never takes a page down: without the data source it shows the count alone.
                return new DraftSummary(draft.SalesOrderId, draft.Lines.Count, null);
            }
        }

        return new DraftSummary(draft.SalesOrderId, draft.Lines.Count, estimate.Currency is { } currency ? MoneyFormatter.Format(estimate.Total, currency) : null);
    }

    // The header's words for a summary; the same for the page and for the answer to a script's add.
    public string Describe(DraftSummary? summary)
    {
        if (summary is null)
        {
            return localizer["Cart.None"];
        }

        string lines = localizer[summary.LineCount == 1 ? "Order.LineCountOne" : "Order.LineCountMany", DisplayFormat.Number(summary.LineCount)];
        return summary.Total is { } total ? localizer["Cart.Summary", lines, total] : lines;
    }

    private async Task<OrderDraft> StartAsync(
        Guid salesOrderId, string userId, CustomerScope scope, OrderingDefaults defaults, OrderableProduct product, decimal quantity, CancellationToken cancellationToken)
    {
        // With the defaults of a new order's form (the account's address; the receipt date is asked at step 1).
        var address = defaults.AccountAddress;
        var started = new OrderDraft
        {
            SalesOrderId = salesOrderId,
            UserId = userId,
            AccountId = scope.AccountId,
            CompanyId = scope.CompanyId,
            ShipToLine1 = address?.Line1,
            ShipToLine2 = address?.Line2,
            ShipToCity = address?.City,
            ShipToStateOrProvince = address?.StateOrProvince,
            ShipToPostalCode = address?.PostalCode,
        };
        started.Lines.Add(NewLine(salesOrderId, 1, product, quantity));
        var draft = await drafts.AddOrFindAsync(started, cancellationToken);
        if (ReferenceEquals(draft, started))
        {
            return draft;
        }

        // Two adds at the same moment both found no draft and named the same new one: the first started it with its
        // line, this one adds to it. A submitted draft under that id cannot be (ids follow the user's count of drafts,
        // which never shrinks past a submitted one); were it so, this add starts a draft of its own under a fresh id.
        if (draft.SubmittedOrderNumber is null)
        {
            return await AddToAsync(draft, product, quantity, cancellationToken);
        }

        var fresh = Guid.NewGuid();
        started.SalesOrderId = fresh;
        started.Lines = [NewLine(fresh, 1, product, quantity)];
        return await drafts.AddOrFindAsync(started, cancellationToken);
    }

    private async Task<OrderDraft> AddToAsync(OrderDraft draft, OrderableProduct product, decimal quantity, CancellationToken cancellationToken)
    {
        drafts.AddOrMerge(draft, product.ProductId, product.ItemNumber, product.Name, quantity);
        await drafts.SaveAsync(draft, cancellationToken);
        return draft;
    }

    // The id, and so the future salesorderid, of the draft an add starts, from the user's count of drafts read
    // before looking for an open one: the same for every add that finds none at the same moment (so two quick
    // clicks start one draft, AddOrFindAsync keeping the first), and a new one once that draft exists.
    private static Guid NewDraftId(string userId, Guid accountId, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('|', "CustomerPortal.CurrentDraft.v1", userId, accountId.ToString("N"), count.ToString(CultureInfo.InvariantCulture))));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // An RFC 9562 version 8 (name-based, custom) id, so it never looks like a random or time-based one.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static OrderDraftLine NewLine(Guid salesOrderId, int position, OrderableProduct product, decimal quantity) => new()
    {
        SalesOrderLineId = Guid.NewGuid(),
        SalesOrderId = salesOrderId,
        Position = position,
        ProductId = product.ProductId,
        ItemNumber = product.ItemNumber,
        ProductName = product.Name,
        Quantity = quantity,
    };

    // Read again when the version is unknown or this request wrote drafts (the version predates the write).
    private async Task<CurrentDraftLines?> FindCurrentLinesAsync(string userId, CustomerScope scope, DraftsVersion? draftsVersion, CancellationToken cancellationToken)
    {
        if (draftsVersion is not { } version || drafts.WroteDrafts)
        {
            return await drafts.FindCurrentLinesAsync(userId, scope.AccountId, cancellationToken);
        }

        var key = new CurrentLinesKey(userId, scope.AccountId, version);
        if (!cache.TryGetValue(key, out CurrentDraftLines? lines))
        {
            lines = await drafts.FindCurrentLinesAsync(userId, scope.AccountId, cancellationToken);
            cache.Set(key, lines, CurrentLinesLifetime);
        }

        return lines;
    }

    // The lines as priced, for this contact (whose price list prices them): the same lines give the same estimate.
    private static string SummaryKey(CustomerScope scope, CurrentDraftLines draft)
    {
        var lines = string.Join(';', draft.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.ProductId:N}*{l.Quantity}")));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scope.ContactId:N}|{draft.SalesOrderId:N}|{lines}"));
        return "CustomerPortal.CurrentDraft.Summary:" + Convert.ToHexString(hash);
    }

    // The items step's wording for a quantity it refuses.
    private string QuantityMessage(QuantityProblem problem, OrderableProduct product) => problem switch
    {
        QuantityProblem.TooManyDecimals => localizer["QuantityProblem.TooManyDecimals", product.Unit, product.QuantityDecimals],
        QuantityProblem.TooLarge => localizer["QuantityProblem.TooLarge", DisplayFormat.Quantity(OrderingRules.MaxQuantity, 0)],
        _ => localizer.Label(problem),
    };

    private static AddToOrderResult Refused(string message) => new(false, message, null);
}

// What an add did, in the words the user reads; DraftId is the draft it went to.
public sealed record AddToOrderResult(bool Added, string Message, Guid? DraftId);

// The current draft's lines as read for one version of the user's drafts (see SummarizeAsync).
internal readonly record struct CurrentLinesKey(string UserId, Guid AccountId, DraftsVersion Version);

// The header's view of the current draft: Total is the formatted estimate, null while no line can be priced.
public sealed record DraftSummary(Guid SalesOrderId, int LineCount, string? Total);
