namespace CustomerPortal.Web.Pages.Shared;

// A destructive action in two steps that need no JavaScript: its button only asks (a GET of the same page
// with ?confirm=Key), and the page shown then has, in the button's place, the question, the real post
// (Handler with the hidden Fields, antiforgery included) and a way back. Key names the row, so a made-up
// or foreign one simply confirms nothing. Search is kept across both steps on pages that have one.
public sealed record ConfirmStep(string Key, string Handler, string Button, string Question, IReadOnlyDictionary<string, string> Fields, string? Search = null, string FormClass = "");
