namespace CustomerPortal.PortalStore.Templates;

// Like a draft line, a template line keeps no price: it is priced again whenever it is ordered.
public sealed class OrderTemplateLine
{
    public Guid Id { get; set; }

    public Guid TemplateId { get; set; }

    public int Position { get; set; }

    public Guid ProductId { get; set; }

    public string ItemNumber { get; set; } = "";

    public string ProductName { get; set; } = "";

    public decimal Quantity { get; set; }
}
