using System.Text.Encodings.Web;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Pages.Shared;

// "Add to order" on each row of a list (the catalogue, an order's lines; issue 13). It posts to the current draft;
// without JavaScript it comes back to the row (the return URL keeps the search and paging), with it cart.js adds in
// place. A list creates one of these and asks it for each row's form: what every row shares (the URL it posts to,
// the antiforgery field, the button's text) is worked out once. It replaced a partial view per row, which cost a
// view lookup, a page activation and a buffer per row: about a third of the catalogue page's rendering (issue 16).
// To change the form, edit WriteTo below: the markup is the string literals, and every value that is not a literal
// goes through encoder.Encode (or is IHtmlContent, like the antiforgery field), as Razor's @ would.
public sealed class AddToOrderForms
{
    private readonly string action;
    private readonly string returnUrlBeforeRow;
    private readonly string buttonText;
    private readonly IHtmlContent antiforgeryField;
    private readonly IStringLocalizer<SharedResource> localizer;

    public AddToOrderForms(ViewContext viewContext, IHtmlHelper html, PageLinks links, IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(localizer);
        var request = viewContext.HttpContext.Request;
        action = links.To(viewContext.HttpContext, "/Orders/Drafts/Current", handler: "Add");
        returnUrlBeforeRow = $"{request.Path}{request.QueryString}#";
        buttonText = localizer["Cart.Add"];
        antiforgeryField = html.AntiForgeryToken();
        this.localizer = localizer;
    }

    // rowId: the id of the row's <tr>, where the page comes back to after a post without JavaScript.
    public IHtmlContent For(string itemNumber, string rowId) => new Form(this, itemNumber, rowId);

    private sealed class Form(AddToOrderForms shared, string itemNumber, string rowId) : IHtmlContent
    {
        // The ids and the return URL are written in pieces rather than concatenated first: a row's strings are most of
        // what the catalogue page allocates, and every allocation brings the next garbage collection closer (issue 16).
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<form method=\"post\" class=\"add-to-order\" data-add-to-order novalidate action=\"");
            encoder.Encode(writer, shared.action);
            writer.Write("\">\n    <input type=\"hidden\" name=\"itemNumber\" value=\"");
            encoder.Encode(writer, itemNumber);
            writer.Write("\" />\n    <input type=\"hidden\" name=\"returnUrl\" value=\"");
            encoder.Encode(writer, shared.returnUrlBeforeRow);
            encoder.Encode(writer, rowId);
            writer.Write("\" />\n    <label class=\"visually-hidden\" for=\"add-qty-");
            encoder.Encode(writer, rowId);
            writer.Write("\">");
            // The label names the row's item, so it is formatted per row; the button's text is the same on every row.
            encoder.Encode(writer, shared.localizer["Cart.QuantityOf", itemNumber]);
            writer.Write("</label>\n    <input type=\"text\" inputmode=\"decimal\" id=\"add-qty-");
            encoder.Encode(writer, rowId);
            writer.Write("\" name=\"quantity\" value=\"1\" autocomplete=\"off\" class=\"form-control form-control-sm add-to-order-quantity\" />\n"
                + "    <button type=\"submit\" class=\"btn btn-sm btn-outline-primary text-nowrap\">");
            encoder.Encode(writer, shared.buttonText);
            writer.Write("<span class=\"visually-hidden\"> ");
            encoder.Encode(writer, itemNumber);
            writer.Write("</span></button>\n");
            shared.antiforgeryField.WriteTo(writer, encoder);
            writer.Write("</form>");
        }
    }
}
