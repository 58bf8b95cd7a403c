using CustomerPortal.DualWrite;

namespace CustomerPortal.DataverseEmulator;

// The Web API surface of the mirror, read from the dual-write schema (CustomerPortal.DualWrite): entity set
// names, keys, lookups with their navigation properties, one-to-many navigations, alternate keys and choice
// labels all come from there, so the emulator serves exactly the tables the adapters use.
internal static class WebApiSchema
{
    public static string TypeName(this DualWriteTable table) => "Microsoft.Dynamics.CRM." + table.LogicalName;

    // Resolves a property name as the Web API spells it: "_x_value" for lookups, the logical name otherwise.
    // Lookup columns are not addressable by their bare name, and the mirror's hidden "...type" columns not at all.
    public static DualWriteColumn? FindProperty(this DualWriteTable table, string name) =>
        table.WebApiColumns.FirstOrDefault(c => c.WebApiName == name);

    // The lookup column behind a single-valued navigation property (customerid_account).
    public static DualWriteColumn? FindLookup(this DualWriteTable table, string navigation) =>
        table.Lookups.FirstOrDefault(c => c.Lookup!.NavigationProperty == navigation);

    public static DualWriteOneToMany? FindCollection(this DualWriteTable table, string navigation) =>
        table.Collections.FirstOrDefault(c => c.NavigationProperty == navigation);
}
