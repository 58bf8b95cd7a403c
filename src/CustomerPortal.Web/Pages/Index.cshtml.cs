using CustomerPortal.Core;
using CustomerPortal.Core.Orders;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Registrations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Web.Pages;

// The welcome comes from the user's claims. A customer's home is a dashboard of where their orders are:
// four short lists and a year of spend, five calls to the data source, made one after the other (the
// SQLite adapter's DbContext answers one query at a time). An administrator's home lists what they can do.
public sealed class IndexModel(ISalesOrderStore salesOrders, PortalCalendar calendar, IOptions<RegistrationOptions> registration) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public CustomerScope? Scope { get; private set; }

    public string? AccountNumber { get; private set; }

    public string? AccountName { get; private set; }

    public string? CompanyCode { get; private set; }

    public bool IsAdministrator { get; private set; }

    public bool ReviewsAccessRequests => registration.Value.AllowSelfRegistration;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<DashboardList> Lists { get; private set; } = [];

    public IReadOnlyList<SpendSeries> Spend { get; private set; } = [];

    public DateOnly SpendFrom { get; private set; }

    public async Task OnGetAsync(CustomerScope? scope, CancellationToken cancellationToken)
    {
        DisplayName = User.DisplayName();
        Scope = scope;
        IsAdministrator = User.IsAdministrator();
        AccountNumber = User.FindFirst(CustomerClaimTypes.AccountNumber)?.Value;
        AccountName = User.FindFirst(CustomerClaimTypes.AccountName)?.Value;
        CompanyCode = User.FindFirst(CustomerClaimTypes.CompanyCode)?.Value;
        if (scope is null)
        {
            return;
        }

        Today = calendar.Today;
        var lists = new List<DashboardList>();
        foreach (var section in Enum.GetValues<DashboardSection>())
        {
            // The smallest page the data sources serve: enough to show five and to count up to ten.
            var query = DashboardList.FilterFor(section).ToQuery(PageSize.Allowed[0], after: null, Today);
            var page = await salesOrders.ListAsync(scope, query, cancellationToken);
            lists.Add(new DashboardList(section, page.Items, page.HasMore ? null : page.Items.Count));
        }

        Lists = lists;
        SpendFrom = SpendChart.FirstMonth(Today);
        Spend = SpendChart.Build(await salesOrders.SpendByMonthAsync(scope, SpendFrom, cancellationToken), SpendFrom);
    }
}
