using System.Collections.Frozen;

namespace CustomerPortal.DualWrite;

// Labels of the option sets (choices) the portal reads, as Microsoft's table references give them.
// The Web API returns them as FormattedValue annotations; the values themselves are the enums in Core.
public static class OptionSets
{
    private static readonly FrozenDictionary<string, FrozenDictionary<int, string>> Labels = new Dictionary<string, Dictionary<int, string>>
    {
        ["salesorder.statecode"] = new() { [0] = "Active", [1] = "Submitted", [2] = "Canceled", [3] = "Fulfilled", [4] = "Invoiced" },
        ["salesorder.statuscode"] = new() { [1] = "New", [2] = "Pending", [3] = "In Progress", [4] = "No Money", [100001] = "Complete", [100002] = "Partial", [100003] = "Invoiced" },
        ["salesorder.msdyn_processingstatus"] = new()
        {
            [192350000] = "Active", [192350001] = "Confirmed", [192350002] = "Picked", [192350003] = "Partially Delivered",
            [192350004] = "Delivered", [192350005] = "Invoiced", [192350006] = "Partially Invoiced", [192350007] = "Canceled",
            [192350008] = "Delivered And Partially Invoiced",
        },
        ["salesorder.msdyn_ordertype"] = new() { [192350000] = "Item based" },
        ["salesorder.msdyn_language"] = new() { [192350015] = "en-us" },
        ["salesorderdetail.msdyn_linestatus"] = new() { [192350000] = "None", [192350001] = "Backorder", [192350002] = "Delivered", [192350003] = "Invoiced", [192350004] = "Canceled" },
        ["account.msdyn_onholdstatus"] = new() { [806380000] = "No", [806380001] = "Invoice", [806380002] = "All", [806380003] = "Payment", [806380004] = "Requisition", [806380005] = "Never" },
        ["account.customertypecode"] = new() { [3] = "Customer" },
        ["account.statecode"] = new() { [0] = "Active", [1] = "Inactive" },
        ["contact.statecode"] = new() { [0] = "Active", [1] = "Inactive" },
        ["pricelevel.statecode"] = new() { [0] = "Active", [1] = "Inactive" },
        ["product.statecode"] = new() { [0] = "Active", [1] = "Retired", [2] = "Draft", [3] = "Under Revision" },
        ["product.statuscode"] = new() { [0] = "Draft", [1] = "Active", [2] = "Retired", [3] = "Under Revision" },
        ["product.producttypecode"] = new() { [1] = "Sales Inventory", [3] = "Services" },
        ["product.productstructure"] = new() { [1] = "Product", [2] = "Product Family", [3] = "Product Bundle" },
    }.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(), StringComparer.Ordinal);

    public static IReadOnlyDictionary<int, string>? LabelsOf(string table, string column) =>
        Labels.GetValueOrDefault(table + "." + column);
}
