namespace CustomerPortal.Core.Ordering;

public sealed record SubmitResult(SubmitOutcome Outcome, string? OrderNumber, IReadOnlyList<SubmitRefusal> Refusals)
{
    public bool Succeeded => Outcome is SubmitOutcome.Created or SubmitOutcome.AlreadySubmitted;

    public static SubmitResult Created(string orderNumber) => new(SubmitOutcome.Created, orderNumber, []);

    public static SubmitResult AlreadySubmitted(string orderNumber) => new(SubmitOutcome.AlreadySubmitted, orderNumber, []);

    public static SubmitResult Refused(IReadOnlyList<SubmitRefusal> refusals) => new(SubmitOutcome.Refused, null, refusals);
}

public enum SubmitOutcome
{
    Created = 1,
    // The id was already used by this scope's order: a retry, a double click or a second tab.
    AlreadySubmitted = 2,
    Refused = 3,
}

// One reason a submit wrote nothing. LineIndex is the 0-based position in NewSalesOrder.Lines.
public sealed record SubmitRefusal(
    SubmitRefusalReason Reason,
    int? LineIndex = null,
    OrderingField? Field = null,
    ProductRefusal? Product = null,
    QuantityProblem? Quantity = null);

public enum SubmitRefusalReason
{
    MissingContactField = 1,
    NoLines = 2,
    TooManyLines = 3,
    UnknownProduct = 4,
    ProductNotOrderable = 5,
    InvalidQuantity = 6,
    TextTooLong = 7,
    MissingRequestedReceiptDate = 8,
    // The id is taken by an order this scope may not see; never overwritten, never revealed.
    IdInUse = 9,
    RequestedReceiptDateTooEarly = 10,
    MissingDeliveryAddress = 11,
    // A write-in line of a past order: it names no product, so there is nothing to order again.
    WriteInLine = 12,
}
