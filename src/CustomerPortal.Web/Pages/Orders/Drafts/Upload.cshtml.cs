using System.Globalization;
using CustomerPortal.Core;
using CustomerPortal.Core.Ordering;
using CustomerPortal.PortalStore.Drafts;
using CustomerPortal.Web.Localization;
using CustomerPortal.Web.Ordering;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Orders.Drafts;

// Step 2's file upload: a CSV or Excel file of item numbers and quantities, resolved as quick entry
// resolves its lines. All or nothing: when any line fails, nothing is added and the report lists every
// line; the user may then add the valid lines with one more click, without sending the file again.
public sealed class UploadModel(
    IOrderEntry ordering, OrderDraftStore drafts, UploadedLines uploaded, IStringLocalizer<SharedResource> localizer)
    : OrderDraftPageModel
{
    public IReadOnlyList<QuickEntryLine>? Report { get; private set; }

    public string? Refusal { get; private set; }

    // The report's valid lines, protected for this user and draft (UploadedLines); null when there are none.
    public string? ValidLines { get; private set; }

    public int ValidCount { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CustomerScope scope, CancellationToken cancellationToken) =>
        await LoadDraftAsync(drafts, ordering, scope, id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? file, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(drafts, ordering, scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (!Defaults.CanOrder)
        {
            return Page();
        }

        UploadRead read;
        if (file is null)
        {
            read = new UploadRead(UploadRefusal.Empty, []);
        }
        else
        {
            await using var stream = file.OpenReadStream();
            read = OrderUpload.Read(stream, file.FileName, file.Length, CultureInfo.CurrentCulture);
        }

        if (read.Refusal is { } refusal)
        {
            Refusal = localizer[$"UploadRefusal.{refusal}", DisplayFormat.Number(OrderUpload.MaxLines), DisplayFormat.Number(OrderUpload.MaxFileBytes / 1024 / 1024)];
            return Page();
        }

        var report = await AddLinesAsync(ordering, drafts, read.Lines, cancellationToken);
        if (report.All(l => l.Problem is null))
        {
            return await SaveAsync(id, report.Count, cancellationToken);
        }

        // Nothing is saved: the lines added in memory are dropped with the request.
        Report = report;
        var valid = report.Where(l => l.Problem is null).ToList();
        ValidCount = valid.Count;
        ValidLines = valid.Count == 0 ? null : uploaded.Protect(User.UserId(), id, valid);
        return Page();
    }

    public async Task<IActionResult> OnPostAddValidAsync(Guid id, string? validLines, CustomerScope scope, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(drafts, ordering, scope, id, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (!Defaults.CanOrder)
        {
            return Page();
        }

        if (uploaded.Unprotect(User.UserId(), id, validLines) is not { Count: > 0 } lines)
        {
            Refusal = localizer["Ordering.Upload.Expired"];
            return Page();
        }

        // Priced and checked again: a product may have left the price list since the report.
        var report = await AddLinesAsync(ordering, drafts, lines, cancellationToken);
        var added = report.Count(l => l.Problem is null);
        if (added == report.Count)
        {
            return await SaveAsync(id, added, cancellationToken);
        }

        if (added > 0)
        {
            await drafts.SaveAsync(Draft, cancellationToken);
        }

        Report = report;
        return Page();
    }

    public string Message(QuickEntryLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Problem is { } problem ? localizer.Label(problem) : localizer["Ordering.QuickEntry.Added"];
    }

    private async Task<IActionResult> SaveAsync(Guid id, int count, CancellationToken cancellationToken)
    {
        await drafts.SaveAsync(Draft, cancellationToken);
        StatusMessage = localizer["Ordering.Upload.Added", DisplayFormat.Number(count)];
        return RedirectToPage("/Orders/Drafts/Items", null, new { id }, "lines-heading");
    }
}
