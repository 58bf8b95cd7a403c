using CustomerPortal.PortalStore;
using CustomerPortal.Sqlite;
using CustomerPortal.Web;
using CustomerPortal.Web.Administration;
using CustomerPortal.Web.Branding;
using CustomerPortal.Web.DataSource;
using CustomerPortal.Web.Delivery;
using CustomerPortal.Web.Demo;
using CustomerPortal.Web.Health;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Invitations;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Pages.Invoices;
using CustomerPortal.Web.Pages.Shared;
using CustomerPortal.Web.Registrations;
using CustomerPortal.Web.Resources;
using CustomerPortal.Web.Security;
using CustomerPortal.Web.StatusMails;

// Before any SQLite connection opens: SQLite reads its process-wide settings when it first starts.
SqliteLibrary.TurnOffMemoryStatistics();

// "create-admin" and "remove-demo-users" maintain the portal store, then exit (going live: README).
if (PortalStoreCommands.Handles(args))
{
    return await PortalStoreCommands.RunAsync(args, Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

var portalSection = builder.Configuration.GetSection(PortalOptions.Section);
var portal = portalSection.Get<PortalOptions>() ?? new PortalOptions();
builder.Services.Configure<PortalOptions>(portalSection);

// EF Core's thread-safety checks stop two operations started at once on one context (say, Task.WhenAll over two stores
// in one request) with a clear error. On in Development, where new pages are written, and in the tests
// (Portal:ThreadSafetyChecks); off by default elsewhere: nothing in the portal does that, and the check changes an
// AsyncLocal twice for every row read (issue 16: about 8 % of the bytes the catalogue page allocates).
var threadSafetyChecks = portal.ThreadSafetyChecks ?? builder.Environment.IsDevelopment();
var dataSource = builder.Services.AddCustomerDataSource(builder.Configuration, portal, threadSafetyChecks);
var portalStore = PortalStoreOptions.FromConfiguration(builder.Configuration, portal.PathOf("portal.db")) with { ThreadSafetyChecks = threadSafetyChecks };
builder.Services.AddPortalStore(portalStore);
builder.Services.AddOrdering(builder.Configuration);
builder.Services.AddPortalIdentity();
builder.Services.AddPortalSecurity(builder.Configuration, builder.Environment, portal, portalStore);
builder.Services.AddPortalRequestLimits();
builder.Services.AddRequestAdmission(portal, dataSource);
builder.Services.AddPortalOnboarding(builder.Configuration);
builder.Services.AddPortalSelfService(builder.Configuration);
builder.Services.AddStatusMails(builder.Configuration);
builder.Services.AddSingleton<DemoPersonas>();
builder.Services.AddPortalLocalization();
builder.Services.AddPortalHealthChecks();
// The invoice PDF's embedded fonts: PDFsharp's font resolver is process-wide.
InvoiceFonts.Register();
builder.Services.AddPortalBranding(builder.Configuration, portal);
builder.Services.AddPageCompression();
builder.Services.AddSingleton<PageLinks>();
builder.ServeStaticAssetsAsPublished();

builder.Services
    .AddRazorPages()
    .AddPortalAuthorization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

var app = builder.Build();

app.Logger.LogCustomerDataSource(dataSource);
await app.Services.MigratePortalStoreAsync();
await app.Services.GetRequiredService<DemoPersonas>().RefuseDemoSignInsOutsideDemoModeAsync(app.Services);
app.Services.GetRequiredService<DemoPersonas>().PrintSignInsWhenStarted(app.Lifetime, app.Urls);

if (portal.ListedProxies.Count > 0)
{
    app.UseForwardedHeaders();
}

app.PreparePortalStoreAfterFirstAnswer();
app.UseSecurityHeaders();
app.UsePageCompression();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    if (portal.RequireHttps)
    {
        app.UseHsts();
        app.UseHttpsRedirection();
    }
}

app.UseStatusCodePagesWithReExecute("/StatusCode/{0}");
app.UseRequestLimits();
app.UseDataSourceUnavailablePage();
app.UseBrandAssets();
app.UseRequestLocalization();
app.UseRouting();
// After the posted form is read (a client that posts slowly holds no turn) and after routing, which answers
// static files itself (ShortCircuit below), so they never wait.
app.UseRequestAdmission();
app.UseAuthentication();
app.UseNoStoreForSignedInUsers();
app.UseAuthorization();
app.UseRateLimiter();

app.MapPortalHealthChecks();
// wwwroot's files as the build left them: names carrying a hash of the content, cached for a year, Brotli
// and gzip copies made at build time. Short-circuited: answered at routing, before sign-in, authorization
// and the no-store header for signed-in users, which do not apply to files that are the same for everyone.
app.MapStaticAssets().ShortCircuit();
// WithStaticAssets lets the layout's asp-append-version links name those hashed files.
app.MapRazorPages().WithStaticAssets();

app.Run();
return 0;
