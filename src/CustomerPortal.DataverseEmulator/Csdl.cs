using System.Text;
using System.Xml;
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
    private const string Edmx = "http://docs.oasis-open.org/odata/ns/edmx";
    private const string Edm = "http://docs.oasis-open.org/odata/ns/edm";

    private static readonly Lazy<byte[]> Document = new(Build);

    public static async Task Write(HttpContext http)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/xml";
        await http.Response.Body.WriteAsync(Document.Value, http.RequestAborted);
    }

    private static byte[] Build()
    {
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("edmx", "Edmx", Edmx);
            xml.WriteAttributeString("Version", "4.0");
            Reference(xml, "OData.Community.Keys.V1", "Keys");
            Reference(xml, "OData.Community.Display.V1", "Display");
            xml.WriteStartElement("edmx", "DataServices", Edmx);
            xml.WriteStartElement("Schema", Edm);
            xml.WriteAttributeString("Namespace", Namespace);
            xml.WriteAttributeString("Alias", Alias);

            xml.WriteStartElement("EntityType", Edm);
            xml.WriteAttributeString("Name", "crmbaseentity");
            xml.WriteAttributeString("Abstract", "true");
            xml.WriteEndElement();
            foreach (var table in DualWriteSchema.Tables)
            {
                EntityType(xml, table);
            }

            WhoAmI(xml);
            Container(xml);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void Reference(XmlWriter xml, string vocabulary, string alias)
    {
        xml.WriteStartElement("edmx", "Reference", Edmx);
        xml.WriteAttributeString("Uri", $"http://vocabularies.odata.org/{vocabulary}.xml");
        xml.WriteStartElement("edmx", "Include", Edmx);
        xml.WriteAttributeString("Namespace", vocabulary);
        xml.WriteAttributeString("Alias", alias);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void EntityType(XmlWriter xml, DualWriteTable table)
    {
        xml.WriteStartElement("EntityType", Edm);
        xml.WriteAttributeString("Name", table.LogicalName);
        xml.WriteAttributeString("BaseType", Alias + ".crmbaseentity");
        xml.WriteStartElement("Key", Edm);
        xml.WriteStartElement("PropertyRef", Edm);
        xml.WriteAttributeString("Name", table.PrimaryKey.LogicalName);
        xml.WriteEndElement();
        xml.WriteEndElement();

        foreach (var column in table.WebApiColumns)
        {
            xml.WriteStartElement("Property", Edm);
            xml.WriteAttributeString("Name", column.WebApiName);
            xml.WriteAttributeString("Type", "Edm." + Values.EdmType(column));
            if (column.IsPrimaryKey)
            {
                xml.WriteAttributeString("Nullable", "false");
            }

            if (column.Type is ColumnType.Money or ColumnType.DecimalNumber)
            {
                xml.WriteAttributeString("Scale", "Variable");
            }

            xml.WriteEndElement();
        }

        foreach (var lookup in table.Lookups)
        {
            var target = lookup.Lookup!.Target;
            xml.WriteStartElement("NavigationProperty", Edm);
            xml.WriteAttributeString("Name", lookup.Lookup.NavigationProperty);
            xml.WriteAttributeString("Type", Alias + "." + target.LogicalName);
            if (target.Collections.FirstOrDefault(c => c.ChildRow == table.RowType && c.ChildLookup(target) == lookup) is { } partner)
            {
                xml.WriteAttributeString("Partner", partner.NavigationProperty);
            }

            xml.WriteStartElement("ReferentialConstraint", Edm);
            xml.WriteAttributeString("Property", lookup.WebApiName);
            xml.WriteAttributeString("ReferencedProperty", target.PrimaryKey.LogicalName);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        foreach (var collection in table.Collections)
        {
            xml.WriteStartElement("NavigationProperty", Edm);
            xml.WriteAttributeString("Name", collection.NavigationProperty);
            xml.WriteAttributeString("Type", $"Collection({Alias}.{collection.Child.LogicalName})");
            xml.WriteAttributeString("Partner", collection.ChildLookup(table).Lookup!.NavigationProperty);
            xml.WriteEndElement();
        }

        var alternateKeys = table.AlternateKeys.ToList();
        if (alternateKeys.Count > 0)
        {
            // One single-column key per [AlternateKey] column, as the Keys segment parser accepts them (altkey).
            xml.WriteStartElement("Annotation", Edm);
            xml.WriteAttributeString("Term", "OData.Community.Keys.V1.AlternateKeys");
            xml.WriteStartElement("Collection", Edm);
            foreach (var key in alternateKeys)
            {
                xml.WriteStartElement("Record", Edm);
                xml.WriteAttributeString("Type", "OData.Community.Keys.V1.AlternateKey");
                xml.WriteStartElement("PropertyValue", Edm);
                xml.WriteAttributeString("Property", "Key");
                xml.WriteStartElement("Collection", Edm);
                xml.WriteStartElement("Record", Edm);
                xml.WriteAttributeString("Type", "OData.Community.Keys.V1.PropertyRef");
                PropertyValue(xml, "Alias", "String", key.LogicalName);
                PropertyValue(xml, "Name", "PropertyPath", key.LogicalName);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void PropertyValue(XmlWriter xml, string property, string kind, string value)
    {
        xml.WriteStartElement("PropertyValue", Edm);
        xml.WriteAttributeString("Property", property);
        xml.WriteAttributeString(kind, value);
        xml.WriteEndElement();
    }

    // As Dataverse declares it (…/webapi/reference/whoami): an unbound function returning a complex type.
    private static void WhoAmI(XmlWriter xml)
    {
        xml.WriteStartElement("ComplexType", Edm);
        xml.WriteAttributeString("Name", "WhoAmIResponse");
        foreach (var name in new[] { "BusinessUnitId", "UserId", "OrganizationId" })
        {
            xml.WriteStartElement("Property", Edm);
            xml.WriteAttributeString("Name", name);
            xml.WriteAttributeString("Type", "Edm.Guid");
            xml.WriteAttributeString("Nullable", "false");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("Function", Edm);
        xml.WriteAttributeString("Name", "WhoAmI");
        xml.WriteStartElement("ReturnType", Edm);
        xml.WriteAttributeString("Type", Alias + ".WhoAmIResponse");
        xml.WriteAttributeString("Nullable", "false");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    // The entity sets are the URL names the emulator serves (DualWriteSchema.FindByEntitySet), with every
    // navigation property bound to its target's set so readers know where expanded records live.
    private static void Container(XmlWriter xml)
    {
        xml.WriteStartElement("EntityContainer", Edm);
        xml.WriteAttributeString("Name", "System");
        foreach (var table in DualWriteSchema.Tables)
        {
            xml.WriteStartElement("EntitySet", Edm);
            xml.WriteAttributeString("Name", table.EntitySetName);
            xml.WriteAttributeString("EntityType", Alias + "." + table.LogicalName);
            var targets = table.Lookups.Select(l => (l.Lookup!.NavigationProperty, l.Lookup.Target))
                .Concat(table.Collections.Select(c => (c.NavigationProperty, c.Child)));
            foreach (var (navigation, target) in targets)
            {
                xml.WriteStartElement("NavigationPropertyBinding", Edm);
                xml.WriteAttributeString("Path", navigation);
                xml.WriteAttributeString("Target", target.EntitySetName);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("FunctionImport", Edm);
        xml.WriteAttributeString("Name", "WhoAmI");
        xml.WriteAttributeString("Function", Alias + ".WhoAmI");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
