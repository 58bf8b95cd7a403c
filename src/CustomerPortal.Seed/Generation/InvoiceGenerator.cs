using System.Globalization;
using CustomerPortal.Core.Orders;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// Invoices (invoice, invoicedetail) as Supply Chain Management posts them and "Sales invoice headers V2" /
// "Sales invoice lines V2" sync them back: one for each batch of invoiced order lines. An invoiced order
// gets one invoice, sometimes two (a first part, then the rest); a partially invoiced order one for the
// lines invoiced so far. Invoice lines copy the order lines' quantity, price, discount and tax; the invoice
// that completes an order carries the order's freight (and the tax on it), so an invoiced order's invoices
// add up to its total. Draws come from InvoiceDraws, so every order value stays as it was.
internal sealed class InvoiceGenerator(SeedProfile profile)
{
    private const double SplitShare = 0.3;
    private static readonly string[] PaymentTermsNames = ["Net30", "Net14", "Net45", "Net60"];

    // Supply Chain Management numbers invoices per legal entity (number sequence CustInvoice).
    private readonly Dictionary<Guid, int> _lastNumber = [];

    public IReadOnlyList<InvoiceRow> For(SalesOrderRow order, int orderIndex, SeedAccount account)
    {
        var invoiced = order.Lines.Where(l => l.LineStatus == OrderLineStatus.Invoiced).OrderBy(l => l.SequenceNumber).ToList();
        if (invoiced.Count == 0)
        {
            return [];
        }

        var currency = account.PriceList.Currency;
        var random = new Random(SeedIds.RandomSeed(profile.RandomSeed, SeedStream.InvoiceDraws, orderIndex));
        var completes = order.ProcessingStatus == ProcessingStatus.Invoiced;
        var firstPart = completes && invoiced.Count > 1 && random.NextDouble() < SplitShare ? random.Next(1, invoiced.Count) : invoiced.Count;
        var batches = firstPart < invoiced.Count ? new[] { invoiced[..firstPart], invoiced[firstPart..] } : [invoiced];

        // After delivery: the goods left on the confirmed shipping date (the order date at the earliest);
        // never after the reference date, Supply Chain Management's "today".
        var reference = profile.ReferenceDate;
        var orderDate = DateOnly.FromDateTime(order.CreatedOn);
        var shipped = Later(orderDate, invoiced.Max(l => l.ConfirmedShippingDate) ?? orderDate);
        var date = Earlier(shipped.AddDays(random.Next(0, 4)), reference);
        var orderLineTax = order.Lines.Sum(l => l.Tax);
        var invoices = new List<InvoiceRow>(batches.Length);
        for (var b = 0; b < batches.Length; b++)
        {
            if (b > 0)
            {
                date = Earlier(date.AddDays(random.Next(1, 8)), reference);
            }

            var last = completes && b == batches.Length - 1;
            invoices.Add(Invoice(order, orderIndex, b, batches[b], account, currency, date,
                last ? order.FreightAmount : 0m, last ? order.TaxAmount - orderLineTax : 0m));
        }

        return invoices;
    }

    private InvoiceRow Invoice(SalesOrderRow order, int orderIndex, int part, List<SalesOrderLineRow> lines, SeedAccount account,
        CurrencyRow currency, DateOnly date, decimal freight, decimal freightTax)
    {
        var company = account.Company.Row;
        var number = _lastNumber[company.CompanyId] = _lastNumber.GetValueOrDefault(company.CompanyId) + 1;
        var invoiceNumber = string.Create(CultureInfo.InvariantCulture, $"{company.Code}-CIV-{number:D7}");
        var invoice = new InvoiceRow
        {
            InvoiceId = SeedIds.For(profile.RandomSeed, SeedStream.InvoiceId, orderIndex, part),
            Name = invoiceNumber,
            InvoiceNumber = invoiceNumber,
            InvoiceDate = date,
            CompanyId = order.CompanyId,
            CustomerId = order.InvoiceCustomerId ?? order.CustomerId,
            CustomerIdType = "account",
            SalesOrderId = order.SalesOrderId,
            CurrencyId = currency.CurrencyId,
            // Terms belong to the customer: the same for every invoice of the account.
            PaymentTerms = PaymentTermsNames[account.Row.AccountId.ToByteArray()[0] % PaymentTermsNames.Length],
            Description = order.CustomerReference,
            // The invoice account's address (the portal's accounts invoice themselves).
            BillToName = account.Row.Name,
            BillToLine1 = account.Row.Line1,
            BillToLine2 = account.Row.Line2,
            BillToCity = account.Row.City,
            BillToStateOrProvince = account.Row.StateOrProvince,
            BillToPostalCode = account.Row.PostalCode,
            BillToCountry = account.Row.Country,
        };

        foreach (var line in lines)
        {
            invoice.Lines.Add(new InvoiceLineRow
            {
                InvoiceLineId = SeedIds.For(profile.RandomSeed, SeedStream.InvoiceLineId, orderIndex, line.SequenceNumber),
                InvoiceId = invoice.InvoiceId,
                Name = line.Name,
                ProductId = line.ProductId,
                UnitId = line.UnitId,
                Description = line.IsProductOverridden ? line.ProductDescription : line.Description,
                Quantity = line.Quantity,
                PricePerUnit = line.PricePerUnit,
                DiscountAmount = line.DiscountAmount,
                Tax = line.Tax,
                ExtendedAmount = line.ExtendedAmount,
                SequenceNumber = line.SequenceNumber,
                ConfirmedShippingDate = line.ConfirmedShippingDate,
            });
        }

        invoice.DiscountAmount = lines.Sum(l => l.DiscountAmount);
        invoice.FreightAmount = freight;
        invoice.TaxAmount = lines.Sum(l => l.Tax) + freightTax;
        invoice.TotalAmount = lines.Sum(l => l.ExtendedAmount) + freight + invoice.TaxAmount;
        return invoice;
    }

    private static DateOnly Later(DateOnly first, DateOnly second) => first > second ? first : second;

    private static DateOnly Earlier(DateOnly first, DateOnly second) => first < second ? first : second;
}
