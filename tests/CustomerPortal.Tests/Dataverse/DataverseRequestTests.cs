using System.Net;
using CustomerPortal.Core;
using CustomerPortal.Core.Invoices;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using CustomerPortal.Data.Dataverse;
using CustomerPortal.DualWrite;

namespace CustomerPortal.Tests.Dataverse;

// The exact requests the adapter sends (documented shapes), the request budget per page, and the
// resilience handlers: token refresh on 401, Retry-After on 429, bounded back-off on 503, cancellation.
public sealed class DataverseRequestTests
{
    private static readonly CustomerScope Buyer = new(
        Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001"), Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002"),
        Guid.Parse("cccccccc-0000-0000-0000-000000000003"), Guid.Parse("dddddddd-0000-0000-0000-000000000004"), CustomerRole.AuthorizedUser);

    private static SalesOrderRow Order() => new()
    {
        SalesOrderId = Guid.Parse("eeeeeeee-0000-0000-0000-000000000005"),
        OrderNumber = "SO-1",
        CreatedOn = new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc),
        RequestedReceiptDate = new DateOnly(2024, 3, 10),
        ProcessingStatus = ProcessingStatus.Active,
        TotalAmount = 12.5m,
        ContactPersonId = Buyer.ContactId,
        ContactPerson = new ContactRow { ContactId = Buyer.ContactId, FullName = "Bea Buyer" },
        Currency = new CurrencyRow { IsoCode = "USD", Symbol = "$", Precision = 2 },
        Customer = new AccountRow { AccountId = Buyer.AccountId, AccountNumber = "US-1", Name = "Contoso" },
        Company = new CompanyRow { CompanyId = Buyer.CompanyId, Code = "USMF", Name = "Contoso US" },
    };

    private static readonly string OrderRow = DataverseRows.Write(Order());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Page(string rows, string? nextLink = null) =>
        StubWebApi.Json($$"""{"@odata.context":"x","value":[{{rows}}]{{(nextLink is null ? "" : $",\"@odata.nextLink\":\"{nextLink}\"")}}}""");

    [Fact]
    public async Task AnOrderPageIsOneScopedSelectedRequestWithTheDocumentedHeaders()
    {
        using var api = new StubWebApi(_ => Page(OrderRow));

        var page = await api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(Search: "50%_o'k", Status: ProcessingStatus.Active, PageSize: 10), Ct);

        var request = Assert.Single(api.Requests);
        Assert.Equal("https://contoso.crm.dynamics.com/api/data/v9.2/salesorders", request.Url.GetLeftPart(UriPartial.Path));
        Assert.Contains("msdyn_salesordernumber", request.Query("$select").Split(','));
        Assert.Contains("_msdyn_contactperson_value", request.Query("$select").Split(','));
        Assert.StartsWith("transactioncurrencyid($select=transactioncurrencyid,isocurrencycode,", request.Query("$expand"), StringComparison.Ordinal);
        Assert.Equal(
            "_customerid_value eq bbbbbbbb-0000-0000-0000-000000000002 and _msdyn_company_value eq cccccccc-0000-0000-0000-000000000003 "
            + "and _msdyn_contactperson_value eq aaaaaaaa-0000-0000-0000-000000000001 "
            + "and (contains(msdyn_salesordernumber,'50[%][_]o''k') or contains(msdyn_customerrequisitionnumber,'50[%][_]o''k')) "
            + "and msdyn_processingstatus eq 192350000",
            request.Query("$filter"));
        Assert.Equal("createdon desc,msdyn_salesordernumber desc", request.Query("$orderby"));
        Assert.Equal("odata.maxpagesize=10", request.Headers["Prefer"]);
        Assert.Equal(("4.0", "4.0", "application/json", "Bearer cached-token"),
            (request.Headers["OData-MaxVersion"], request.Headers["OData-Version"], request.Headers["Accept"], request.Headers["Authorization"]));
        var order = Assert.Single(page.Items);
        Assert.Equal(("SO-1", 12.5m, "USD", "Bea Buyer", new DateOnly(2024, 3, 10)), (order.OrderNumber, order.TotalAmount, order.Currency.IsoCode, order.ContactPersonName, order.RequestedReceiptDate));
        Assert.Equal(DateTimeKind.Utc, order.OrderedOn.Kind);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task TheNextPageFollowsTheNextLinkVerbatimAndATamperedTokenRestarts()
    {
        const string Next = "https://contoso.crm.dynamics.com/api/data/v9.2/salesorders?$select=x&$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E";
        using var api = new StubWebApi(_ => Page(OrderRow, Next));
        var store = api.Get<ISalesOrderStore>();

        var first = await store.ListAsync(Buyer, new SalesOrderQuery(), Ct);
        await store.ListAsync(Buyer, new SalesOrderQuery(ContinuationToken: first.ContinuationToken), Ct);
        await store.ListAsync(Buyer, new SalesOrderQuery(ContinuationToken: first.ContinuationToken + "x"), Ct);
        await store.ListAsync(Buyer with { Role = CustomerRole.CustomerRepresentative }, new SalesOrderQuery(ContinuationToken: first.ContinuationToken), Ct);

        Assert.NotNull(first.ContinuationToken);
        Assert.DoesNotContain("skiptoken", first.ContinuationToken, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Next, api.Requests[1].Url.OriginalString);
        Assert.Equal("odata.maxpagesize=25", api.Requests[1].Headers["Prefer"]);
        Assert.Equal(api.Requests[0].Url, api.Requests[2].Url);
        Assert.Contains("$filter", api.Requests[3].Url.Query, StringComparison.Ordinal);
    }

    // Issue 16: the order page is one request, cold or warm: the lines with product and unit and the invoices
    // (scoped by their own account and legal entity) come by a multi-level $expand; nothing is reference data.
    [Fact]
    public async Task OrderDetailsAreOneRequestWithLinesProductsUnitsAndInvoicesExpanded()
    {
        var stored = Order();
        stored.Lines.Add(Line(9, sequence: 2));
        var invoiced = Invoice();
        invoiced.SalesOrder = null;
        stored.Invoices.Add(invoiced);
        using var api = new StubWebApi(_ => Page(DataverseRows.Write(stored)));

        var order = await api.Get<ISalesOrderStore>().FindAsync(Buyer, "SO-1", Ct);

        var request = Assert.Single(api.Requests);
        Assert.Contains("msdyn_salesordernumber eq 'SO-1'", request.Query("$filter"), StringComparison.Ordinal);
        var expand = request.Query("$expand");
        Assert.Matches(@"order_details\(\$select=salesorderdetailid,[^;)]*;\$expand=productid\(\$select=[^)]*\),uomid\(\$select=[^)]*\)\)", expand);
        Assert.Contains("order_invoices($select=invoiceid,", expand, StringComparison.Ordinal);
        Assert.Contains(";$filter=_customerid_value eq bbbbbbbb-0000-0000-0000-000000000002 and _msdyn_company_value eq cccccccc-0000-0000-0000-000000000003;"
            + "$expand=transactioncurrencyid(", expand, StringComparison.Ordinal);
        var line = Assert.Single(order!.Lines);
        Assert.Equal(("A1", "ea", 1.5m, 3m, 1), (line.ItemNumber, line.Unit, line.Quantity, line.LineAmount, line.QuantityDecimals));
        var invoice = Assert.Single(order.Invoices);
        Assert.Equal(("USMF-CIV-0000001", "SO-1", "USD"), (invoice.InvoiceNumber, invoice.OrderNumber, invoice.Currency.IsoCode));
        Assert.Null(await api.Get<ISalesOrderStore>().FindAsync(Buyer, "so-1", Ct));
    }

    // With a nested $expand Dataverse pages the expanded lines; the rest comes from their next link, in sequence order.
    [Fact]
    public async Task LinesBeyondTheExpandedPageComeFromTheirNextLink()
    {
        const string Next = "https://contoso.crm.dynamics.com/api/data/v9.2/salesorders(eeeeeeee-0000-0000-0000-000000000005)/order_details?$skiptoken=x";
        var stored = Order();
        stored.Lines.Add(Line(9, sequence: 2));
        var first = DataverseRows.Write(stored);
        using var api = new StubWebApi(r => r.Url.AbsolutePath.EndsWith("/order_details", StringComparison.Ordinal)
            ? Page(DataverseRows.Write(Line(10, sequence: 1)))
            : Page("{\"order_details@odata.nextLink\":\"" + Next + "\"," + first[1..]));

        var order = await api.Get<ISalesOrderStore>().FindAsync(Buyer, "SO-1", Ct);

        Assert.Equal(2, api.Requests.Count);
        Assert.Equal(Next, api.Requests[1].Url.OriginalString);
        Assert.Equal([1, 2], order!.Lines.Select(l => l.LineNumber));
    }

    private static SalesOrderLineRow Line(int id, int sequence) => new()
    {
        SalesOrderLineId = Guid.Parse($"eeeeeeee-0000-0000-0000-0000000000{id:D2}"), SequenceNumber = sequence, Quantity = 1.5m, PricePerUnit = 2m,
        ExtendedAmount = 3m, LineStatus = OrderLineStatus.None,
        ProductId = Guid.Parse("ffffffff-0000-0000-0000-000000000006"), UnitId = Guid.Parse("ffffffff-0000-0000-0000-000000000007"),
        Product = new ProductRow { ProductId = Guid.Parse("ffffffff-0000-0000-0000-000000000006"), ScmProductNumber = "A1", Name = "Bolt", QuantityDecimals = 1, DefaultUnitId = Guid.Parse("ffffffff-0000-0000-0000-000000000007") },
        Unit = new UnitRow { UnitId = Guid.Parse("ffffffff-0000-0000-0000-000000000007"), Symbol = "ea" },
    };

    private static InvoiceRow Invoice() => new()
    {
        InvoiceId = Guid.Parse("eeeeeeee-0000-0000-0000-000000000011"),
        InvoiceNumber = "USMF-CIV-0000001",
        InvoiceDate = new DateOnly(2024, 3, 12),
        SalesOrderId = Order().SalesOrderId,
        SalesOrder = Order(),
        CustomerId = Buyer.AccountId,
        CompanyId = Buyer.CompanyId,
        TotalAmount = 12.5m,
        Currency = new CurrencyRow { IsoCode = "USD", Symbol = "$", Precision = 2 },
        Customer = new AccountRow { AccountId = Buyer.AccountId, AccountNumber = "US-1", Name = "Contoso" },
        Company = new CompanyRow { CompanyId = Buyer.CompanyId, Code = "USMF", Name = "Contoso US" },
    };

    // Issue 12: the invoice list is one request per page, its scope server-side; an authorized user's rule
    // reads the order's contact person through salesorderid.
    [Fact]
    public async Task AnInvoicePageIsOneScopedRequestWithTheContactPersonReadThroughTheOrder()
    {
        using var api = new StubWebApi(_ => Page(DataverseRows.Write(Invoice())));

        var page = await api.Get<IInvoiceStore>().ListAsync(Buyer,
            new InvoiceQuery(Search: "SO-1", InvoicedFrom: new DateOnly(2024, 1, 1), InvoicedTo: new DateOnly(2024, 12, 31), PageSize: 10), Ct);

        var request = Assert.Single(api.Requests);
        Assert.Equal("https://contoso.crm.dynamics.com/api/data/v9.2/invoices", request.Url.GetLeftPart(UriPartial.Path));
        Assert.Equal(
            "_customerid_value eq bbbbbbbb-0000-0000-0000-000000000002 and _msdyn_company_value eq cccccccc-0000-0000-0000-000000000003 "
            + "and salesorderid/_msdyn_contactperson_value eq aaaaaaaa-0000-0000-0000-000000000001 "
            + "and (contains(msdyn_invoicenumber,'SO-1') or contains(salesorderid/msdyn_salesordernumber,'SO-1')) "
            + "and msdyn_invoicedate ge 2024-01-01 and msdyn_invoicedate le 2024-12-31",
            request.Query("$filter"));
        Assert.Equal("msdyn_invoicedate desc,msdyn_invoicenumber desc", request.Query("$orderby"));
        Assert.Equal("odata.maxpagesize=10", request.Headers["Prefer"]);
        var invoice = Assert.Single(page.Items);
        Assert.Equal(("USMF-CIV-0000001", "SO-1", 12.5m, "USD"), (invoice.InvoiceNumber, invoice.OrderNumber, invoice.TotalAmount, invoice.Currency.IsoCode));
    }

    [Fact]
    public async Task AnInvoiceIsOneRequestWithTheLinesExpandedOnceReferenceDataIsCached()
    {
        const string Product = "ffffffff-0000-0000-0000-000000000006", Unit = "ffffffff-0000-0000-0000-000000000007";
        var product = new ProductRow { ProductId = Guid.Parse(Product), ScmProductNumber = "A1", Name = "Bolt", QuantityDecimals = 1, DefaultUnitId = Guid.Parse(Unit) };
        var unit = new UnitRow { UnitId = Guid.Parse(Unit), Symbol = "ea" };
        var stored = Invoice();
        stored.Lines.Add(new InvoiceLineRow
        {
            InvoiceLineId = Guid.Parse("eeeeeeee-0000-0000-0000-000000000019"), SequenceNumber = 2, Quantity = 1.5m, PricePerUnit = 2m,
            ExtendedAmount = 3m, Tax = 0.21m, ProductId = product.ProductId, UnitId = unit.UnitId,
        });
        using var api = new StubWebApi(r => r.Url.AbsolutePath.Split('/')[^1] switch
        {
            "products" => Page(DataverseRows.Write(product)),
            "uoms" => Page(DataverseRows.Write(unit)),
            _ => Page(DataverseRows.Write(stored)),
        });
        await api.Get<IInvoiceStore>().FindAsync(Buyer, "USMF-CIV-0000001", Ct);
        api.Requests.Clear();

        var invoice = await api.Get<IInvoiceStore>().FindAsync(Buyer, "USMF-CIV-0000001", Ct);

        var request = Assert.Single(api.Requests);
        Assert.Contains("msdyn_invoicenumber eq 'USMF-CIV-0000001'", request.Query("$filter"), StringComparison.Ordinal);
        Assert.Contains("invoice_details($select=invoicedetailid,", request.Query("$expand"), StringComparison.Ordinal);
        var line = Assert.Single(invoice!.Lines);
        Assert.Equal(("A1", "ea", 1.5m, 3m, 0.21m), (line.ItemNumber, line.Unit, line.Quantity, line.LineAmount, line.Tax));
        Assert.Equal("SO-1", invoice.OrderNumber);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefreshedOnceOn401()
    {
        using var api = new StubWebApi(r => r.Headers["Authorization"] == "Bearer fresh-token" ? Page("") : StubWebApi.Error(HttpStatusCode.Unauthorized));

        await api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct);

        Assert.Equal(2, api.Requests.Count);
        Assert.Equal(1, api.Tokens.Forced);
    }

    [Fact]
    public async Task A401AfterTheRefreshIsUnavailableNotALoop()
    {
        using var api = new StubWebApi(_ => StubWebApi.Error(HttpStatusCode.Unauthorized));

        await Assert.ThrowsAsync<DataSourceUnavailableException>(() => api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct));

        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task A429WaitsWhatRetryAfterSays()
    {
        var calls = 0;
        using var api = new StubWebApi(_ =>
        {
            if (calls++ > 0)
            {
                return Page("");
            }

            var busy = StubWebApi.Error(HttpStatusCode.TooManyRequests, "0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds.");
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return busy;
        });

        await api.WhileTimePassesAsync(api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct));

        Assert.Equal(2, api.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], api.Delays.Waited);
    }

    [Fact]
    public async Task ARetryAfterDateIsReadAgainstTheInjectedClock()
    {
        var calls = 0;
        using var api = new StubWebApi(_ => Page(""));
        api.Respond = _ =>
        {
            if (calls++ > 0)
            {
                return Page("");
            }

            var busy = StubWebApi.Error(HttpStatusCode.ServiceUnavailable);
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(api.Time.GetUtcNow().AddSeconds(12));
            return busy;
        };

        await api.WhileTimePassesAsync(api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct));

        Assert.Equal(2, api.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(12)], api.Delays.Waited);
    }

    [Fact]
    public async Task A503BacksOffWithJitterAndGivesUpAfterTheBoundedAttempts()
    {
        using var api = new StubWebApi(_ => StubWebApi.Error(HttpStatusCode.ServiceUnavailable), o => o.MaxRetries = 3);

        await Assert.ThrowsAsync<DataSourceUnavailableException>(() => api.WhileTimePassesAsync(api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct)));

        Assert.Equal(4, api.Requests.Count);
        Assert.Equal(3, api.Delays.Waited.Count);
        Assert.All(api.Delays.Waited.Select((d, i) => (d, i)), x => Assert.InRange(x.d.TotalMilliseconds, 250 * Math.Pow(2, x.i), 500 * Math.Pow(2, x.i)));
    }

    [Fact]
    public async Task ARetryAfterBeyondTheTimeBudgetIsNotWaitedFor()
    {
        using var api = new StubWebApi(_ =>
        {
            var busy = StubWebApi.Error(HttpStatusCode.TooManyRequests);
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5));
            return busy;
        });

        await Assert.ThrowsAsync<DataSourceUnavailableException>(() => api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct));

        Assert.Single(api.Requests);
        Assert.Empty(api.Delays.Waited);
    }

    [Fact]
    public async Task OtherClientErrorsAreNeverRetried()
    {
        using var api = new StubWebApi(_ => StubWebApi.Error(HttpStatusCode.BadRequest, "0x80060888", "bad query"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct));

        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task ConnectionFailuresBecomeUnavailableAndCancellationIsRespected()
    {
        using var down = new StubWebApi(_ => throw new HttpRequestException("refused", null, HttpStatusCode.ServiceUnavailable), o => o.MaxRetries = 2);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<DataSourceUnavailableException>(() => down.WhileTimePassesAsync(down.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => down.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), cancelled.Token));

        Assert.Equal(3, down.Requests.Count);
    }

    [Fact]
    public async Task ASubmitIsOneDeepInsertAfterTheContactReadWithOurOwnIds()
    {
        var productId = Guid.Parse("ffffffff-0000-0000-0000-000000000006");
        var unitId = Guid.Parse("ffffffff-0000-0000-0000-000000000007");
        var currencyId = Guid.Parse("ffffffff-0000-0000-0000-000000000008");
        using var api = new StubWebApi(r => r.Url.AbsolutePath.Split('/')[^1] switch
        {
            "contacts" => Page(DataverseRows.Write(new ContactRow
            {
                ContactId = Buyer.ContactId, FullName = "Bea", AccountId = Buyer.AccountId, CompanyId = Buyer.CompanyId, PriceListId = Buyer.PriceListId,
                CurrencyId = currencyId, Country = "United States",
                Account = new AccountRow { AccountId = Buyer.AccountId, AccountNumber = "US-1", Name = "Contoso" },
                Company = new CompanyRow { CompanyId = Buyer.CompanyId, Code = "USMF", Name = "Contoso US" },
                PriceList = new PriceListRow { Name = "Retail" },
                Currency = new CurrencyRow { CurrencyId = currencyId, IsoCode = "USD", Symbol = "$", Precision = 2 },
            })),
            "products" => Page(DataverseRows.Write(new ProductRow
            {
                ProductId = productId, ScmProductNumber = "A1", Name = "Bolt", DefaultUnitId = unitId, DefaultUnit = new UnitRow { UnitId = unitId, Symbol = "ea" },
            })),
            "productpricelevels" => Page(DataverseRows.Write(new PriceListItemRow { ProductId = productId, UnitId = unitId, Amount = 2.5m, CurrencyId = currencyId })),
            "transactioncurrencies" => Page(DataverseRows.Write(new CurrencyRow { CurrencyId = currencyId, IsoCode = "USD", Symbol = "$", Precision = 2 })),
            "salesorders" when r.Method == HttpMethod.Get => Page(""),
            _ => new HttpResponseMessage(HttpStatusCode.NoContent),
        });
        var entry = api.Get<IOrderEntry>();
        var order = new NewSalesOrder(Guid.NewGuid(), new DateOnly(2031, 1, 2), new PostalAddress("1 Way", null, "Town", null, "123", null), "PO-1", null,
            [new NewSalesOrderLine(Guid.NewGuid(), productId, 4m)]);
        await entry.LookUpAsync(Buyer, [], [productId], Ct);
        await entry.SubmitAsync(Buyer, order with { SalesOrderId = Guid.NewGuid() }, Ct);
        api.Requests.Clear();

        var result = await api.GetInNewScope<IOrderEntry>().SubmitAsync(Buyer, order, Ct);

        Assert.Equal(SubmitOutcome.Created, result.Outcome);
        Assert.Equal(2, api.Requests.Count);
        var post = api.Requests[1];
        Assert.Equal((HttpMethod.Post, "/api/data/v9.2/salesorders"), (post.Method, post.Url.AbsolutePath));
        Assert.StartsWith("application/json", post.Headers["Content-Type"], StringComparison.Ordinal);
        var body = System.Text.Json.JsonDocument.Parse(post.Body!).RootElement;
        Assert.Equal(order.SalesOrderId.ToString(), body.GetProperty("salesorderid").GetString());
        Assert.Equal("CP-0000002", body.GetProperty("msdyn_salesordernumber").GetString());
        Assert.Equal($"/accounts({Buyer.AccountId})", body.GetProperty("customerid_account@odata.bind").GetString());
        Assert.Equal($"/accounts({Buyer.AccountId})", body.GetProperty("msdyn_invoicecustomerid_account@odata.bind").GetString());
        Assert.Equal($"/cdm_companies({Buyer.CompanyId})", body.GetProperty("msdyn_company@odata.bind").GetString());
        Assert.Equal($"/contacts({Buyer.ContactId})", body.GetProperty("msdyn_contactperson@odata.bind").GetString());
        Assert.Equal($"/pricelevels({Buyer.PriceListId})", body.GetProperty("pricelevelid@odata.bind").GetString());
        Assert.Equal($"/transactioncurrencies({currencyId})", body.GetProperty("transactioncurrencyid@odata.bind").GetString());
        Assert.Equal("2031-01-02", body.GetProperty("msdyn_requestedreceiptdate").GetString());
        var line = Assert.Single(body.GetProperty("order_details").EnumerateArray());
        Assert.Equal(order.Lines[0].SalesOrderLineId.ToString(), line.GetProperty("salesorderdetailid").GetString());
        Assert.Equal($"/products({productId})", line.GetProperty("productid@odata.bind").GetString());
        Assert.Equal($"/uoms({unitId})", line.GetProperty("uomid@odata.bind").GetString());
        Assert.Equal(10m, line.GetProperty("extendedamount").GetDecimal());
    }

    [Fact]
    public async Task ADuplicateIdIsReadBackAndAnsweredAsAlreadySubmitted()
    {
        using var api = new StubWebApi(r => r.Method == HttpMethod.Post
            ? StubWebApi.Error(HttpStatusCode.PreconditionFailed, "0x80040237", "A record with matching key values already exists.")
            : r.Url.AbsolutePath.EndsWith("salesorders", StringComparison.Ordinal)
                ? Page(DataverseRows.Write(new SalesOrderRow
                {
                    SalesOrderId = Guid.NewGuid(), OrderNumber = "CP-0000009", CustomerId = Buyer.AccountId, CompanyId = Buyer.CompanyId, ContactPersonId = Buyer.ContactId,
                }))
                : Page(""));

        var result = await api.Get<IOrderEntry>().SubmitAsync(Buyer,
            new NewSalesOrder(Guid.NewGuid(), new DateOnly(2031, 1, 2), new PostalAddress(null, null, null, null, null, null), null, null, [new NewSalesOrderLine(Guid.NewGuid(), Guid.NewGuid(), 1)]), Ct);

        // The contact is gone in this stub, so the order cannot be placed — but it already exists: the mirror answers the same.
        Assert.Equal(SubmitResult.AlreadySubmitted("CP-0000009").Outcome, result.Outcome);
        Assert.Equal("CP-0000009", result.OrderNumber);
    }

    [Fact]
    public async Task TheConcurrencyCapFollowsTheServersDopHint()
    {
        using var api = new StubWebApi(_ =>
        {
            var response = Page("");
            response.Headers.Add("x-ms-dop-hint", "3");
            return response;
        });

        await api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct);

        Assert.Equal(3, api.Get<CustomerPortal.Data.Dataverse.DopHintGate>().Limit);
    }

    [Fact]
    public async Task ReadinessReusesTheWhoAmIAnswerForTheHealthCacheDurationOnTheInjectedClock()
    {
        using var api = new StubWebApi(_ => StubWebApi.Json("""{"UserId":"aaaaaaaa-0000-0000-0000-00000000000a"}"""), o => o.HealthCacheDuration = TimeSpan.FromSeconds(30));

        await api.Get<IDataSourceHealth>().CheckAsync(Ct);
        api.Time.Advance(TimeSpan.FromSeconds(29));
        var cached = await api.GetInNewScope<IDataSourceHealth>().CheckAsync(Ct);
        api.Time.Advance(TimeSpan.FromSeconds(1));
        await api.GetInNewScope<IDataSourceHealth>().CheckAsync(Ct);

        Assert.True(cached.IsReachable);
        Assert.Equal(2, api.Requests.Count);
        Assert.EndsWith("/WhoAmI", api.Requests[1].Url.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDopHintWidensTheCapAgainButNeverBeyondTheConfiguredLimit()
    {
        var hint = "3";
        using var api = new StubWebApi(_ =>
        {
            var response = Page("");
            response.Headers.Add("x-ms-dop-hint", hint);
            return response;
        }, o => o.MaxConcurrentRequests = 16);
        var gate = api.Get<CustomerPortal.Data.Dataverse.DopHintGate>();

        await api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct);
        var narrowed = gate.Limit;
        hint = "40";
        await api.Get<ISalesOrderStore>().ListAsync(Buyer, new SalesOrderQuery(), Ct);

        Assert.Equal((3, 16), (narrowed, gate.Limit));
    }

    [Fact]
    public async Task ConcurrentMissesOfTheSameReferenceDataShareOneLoad()
    {
        using var answer = new ManualResetEventSlim();
        using var api = new StubWebApi(_ =>
        {
            answer.Wait(TimeSpan.FromSeconds(10), Ct);
            return Page(DataverseRows.Write(new UnitRow { UnitId = Guid.Parse("ffffffff-0000-0000-0000-000000000007"), Symbol = "ea" }));
        });

        var first = Task.Run(() => api.GetInNewScope<ReferenceData>().UnitsAsync(Ct), Ct);
        while (api.Requests.Count == 0)
        {
            await Task.Delay(5, Ct);
        }

        var second = Task.Run(() => api.GetInNewScope<ReferenceData>().UnitsAsync(Ct), Ct);
        await Task.Delay(100, Ct);
        answer.Set();
        var units = await Task.WhenAll(first, second);

        Assert.Single(api.Requests);
        Assert.All(units, u => Assert.Equal("ea", Assert.Single(u).Value.Symbol));
    }
}
