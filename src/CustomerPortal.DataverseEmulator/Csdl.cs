using System.Text;
using System.Xml.Linq;
using CustomerPortal.DualWrite;

namespace CustomerPortal.DataverseEmulator;

// GET /api/data/v9.2/$metadata: the CSDL document, generated from the dual-write schema so it describes exactly
// what the emulator serves. Shaped as Dataverse's (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/web-api-service-documents#csdl-metadata-document,
// …/web-api-entitytypes, …/web-api-navigation-properties): namespace Microsoft.Dynamics.CRM with alias mscrm,
// entity types deriving from the abstract crmbaseentity, lookups as an Edm.Guid _x_value property plus a
// single-valued navigation property whose ReferentialConstraint points at it, alternate keys as the
// OData.Community.Keys.V1.AlternateKeys annotation, one-to-many relationships as collection-valued navigation
// properties partnered with the child's lookup, the entity container "System" and the WhoAmI function.
// Two deliberate differences: navigation properties are nullable (Dataverse marks them Nullable="false", but an
// expanded empty lookup is null, and strict OData readers refuse a null for a non-nullable navigation), and key
// properties are Nullable="false" (CSDL requires it).
internal static class Csdl
{
    public const string Namespace = "Microsoft.Dynamics.CRM";
    public const string Alias = "mscrm";
    private static readonly XNamespace Edmx = "http://docs.oasis-open.org/odata/ns/edmx";
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Edmx + "Edmx",
            new XAttribute(XNamespace.Xmlns + "edmx", Edmx.NamespaceName),
            new XAttribute("Version", "4.0"),
            Reference("OData.Community.Keys.V1", "Keys"),
            Reference("OData.Community.Display.V1", "Display"),
            new XElement(Edmx + "DataServices", new XElement(Edm + "Schema",
                new XAttribute("Namespace", Namespace),
                new XAttribute("Alias", Alias),
                new XElement(Edm + "EntityType", new XAttribute("Name", "crmbaseentity"), new XAttribute("Abstract", "true")),
                DualWriteSchema.Tables.Select(EntityType),
                WhoAmI(),
                Container()))));
        var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false)))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    });

    public static async Task Write(HttpContext http)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/xml";
        await http.Response.Body.WriteAsync(Document.Value, http.RequestAborted);
    }

    private static XElement Reference(string vocabulary, string alias) => new(Edmx + "Reference",
        new XAttribute("Uri", $"http://vocabularies.odata.org/{vocabulary}.xml"),
        new XElement(Edmx + "Include", new XAttribute("Namespace", vocabulary), new XAttribute("Alias", alias)));

    private static XElement EntityType(DualWriteTable table) => new(Edm + "EntityType",
        new XAttribute("Name", table.LogicalName),
        new XAttribute("BaseType", Alias + ".crmbaseentity"),
        new XElement(Edm + "Key", new XElement(Edm + "PropertyRef", new XAttribute("Name", table.PrimaryKey.LogicalName))),
        table.WebApiColumns.Select(column => new XElement(Edm + "Property",
            new XAttribute("Name", column.WebApiName),
            new XAttribute("Type", "Edm." + Values.EdmType(column)),
            column.IsPrimaryKey ? new XAttribute("Nullable", "false") : null,
            column.Type is ColumnType.Money or ColumnType.DecimalNumber ? new XAttribute("Scale", "Variable") : null)),
        table.Lookups.Select(lookup => new XElement(Edm + "NavigationProperty",
            new XAttribute("Name", lookup.Lookup!.NavigationProperty),
            new XAttribute("Type", Alias + "." + lookup.Lookup.Target.LogicalName),
            lookup.Lookup.Target.Collections.FirstOrDefault(c => c.ChildRow == table.RowType && c.ChildLookup(lookup.Lookup.Target) == lookup) is { } partner
                ? new XAttribute("Partner", partner.NavigationProperty)
                : null,
            new XElement(Edm + "ReferentialConstraint",
                new XAttribute("Property", lookup.WebApiName),
                new XAttribute("ReferencedProperty", lookup.Lookup.Target.PrimaryKey.LogicalName)))),
        table.Collections.Select(collection => new XElement(Edm + "NavigationProperty",
            new XAttribute("Name", collection.NavigationProperty),
            new XAttribute("Type", $"Collection({Alias}.{collection.Child.LogicalName})"),
            new XAttribute("Partner", collection.ChildLookup(table).Lookup!.NavigationProperty))),
        AlternateKeys(table));

    // One single-column key per [AlternateKey] column, as the key segment parser accepts them (altkey).
    private static XElement? AlternateKeys(DualWriteTable table) => !table.AlternateKeys.Any() ? null : new XElement(Edm + "Annotation",
        new XAttribute("Term", "OData.Community.Keys.V1.AlternateKeys"),
        new XElement(Edm + "Collection", table.AlternateKeys.Select(key => new XElement(Edm + "Record",
            new XAttribute("Type", "OData.Community.Keys.V1.AlternateKey"),
            new XElement(Edm + "PropertyValue", new XAttribute("Property", "Key"),
                new XElement(Edm + "Collection", new XElement(Edm + "Record",
                    new XAttribute("Type", "OData.Community.Keys.V1.PropertyRef"),
                    new XElement(Edm + "PropertyValue", new XAttribute("Property", "Alias"), new XAttribute("String", key.LogicalName)),
                    new XElement(Edm + "PropertyValue", new XAttribute("Property", "Name"), new XAttribute("PropertyPath", key.LogicalName)))))))));

    // As Dataverse declares it (…/webapi/reference/whoami): an unbound function returning a complex type.
    private static IEnumerable<XElement> WhoAmI() =>
    [
        new(Edm + "ComplexType", new XAttribute("Name", "WhoAmIResponse"),
            new[] { "BusinessUnitId", "UserId", "OrganizationId" }.Select(name => new XElement(Edm + "Property",
                new XAttribute("Name", name), new XAttribute("Type", "Edm.Guid"), new XAttribute("Nullable", "false")))),
        new(Edm + "Function", new XAttribute("Name", "WhoAmI"),
            new XElement(Edm + "ReturnType", new XAttribute("Type", Alias + ".WhoAmIResponse"), new XAttribute("Nullable", "false"))),
    ];

    // The entity sets are the URL names the emulator serves (DualWriteSchema.FindByEntitySet), with every
    // navigation property bound to its target's set so readers know where expanded records live.
    private static XElement Container() => new(Edm + "EntityContainer",
        new XAttribute("Name", "System"),
        DualWriteSchema.Tables.Select(table => new XElement(Edm + "EntitySet",
            new XAttribute("Name", table.EntitySetName),
            new XAttribute("EntityType", Alias + "." + table.LogicalName),
            table.Lookups.Select(l => (l.Lookup!.NavigationProperty, l.Lookup.Target))
                .Concat(table.Collections.Select(c => (c.NavigationProperty, Target: c.Child)))
                .Select(n => new XElement(Edm + "NavigationPropertyBinding", new XAttribute("Path", n.NavigationProperty), new XAttribute("Target", n.Target.EntitySetName))))),
        new XElement(Edm + "FunctionImport", new XAttribute("Name", "WhoAmI"), new XAttribute("Function", Alias + ".WhoAmI")));
}
