using System.Text.RegularExpressions;
using CustomerPortal.DualWrite;

namespace CustomerPortal.DataverseEmulator;

// What a resource path below /api/data/v9.2 addresses (compose, retrieve, update, assoc): an entity set, its
// $count, one record, one of its properties (or the property's $value), a navigation property (single-valued:
// the related record; collection-valued: the related records, optionally one of them), or a navigation's $ref.
internal enum ResourceKind
{
    Collection,
    Count,
    Record,
    Property,
    PropertyValue,
    Navigation,
    NavigationCount,
    Reference,
}

internal sealed partial record Resource(
    ResourceKind Kind,
    DualWriteTable Table,
    Keys? Keys = null,
    DualWriteColumn? Property = null,
    DualWriteColumn? Lookup = null,
    DualWriteOneToMany? Collection = null,
    Keys? RelatedKeys = null)
{
    // Parses the path after the API root. Shapes Dataverse has but the emulator does not serve answer 501
    // "not emulated"; only an entity set that does not exist answers 404, as Dataverse does.
    public static Resource Parse(string path)
    {
        var segments = path.Trim('/').Split('/');
        var first = SegmentPattern().Match(segments[0]);
        var name = first.Success ? first.Groups["name"].Value : segments[0];
        var table = first.Success ? DualWriteSchema.FindByEntitySet(name) : null;
        if (table is null)
        {
            // Entity sets are lower-case logical names; functions, actions and metadata sets
            // (RetrieveTotalRecordCount, EntityDefinitions, Microsoft.Dynamics.CRM.x, $crossjoin) are not.
            if (!first.Success || name.Length == 0 || char.IsUpper(name[0]) || name.Contains('.', StringComparison.Ordinal) || name.StartsWith('$'))
            {
                throw WebApiException.NotEmulated($"The resource '{segments[0]}'");
            }

            throw new WebApiException(404, "0x80060888", $"Resource not found for the segment '{name}'.");
        }

        var keys = first.Groups["key"].Success ? Keys.Parse(table, first.Groups["key"].Value) : null;
        if (segments.Length == 1)
        {
            return new Resource(keys is null ? ResourceKind.Collection : ResourceKind.Record, table, keys);
        }

        if (keys is null)
        {
            return segments is [_, "$count"] ? new Resource(ResourceKind.Count, table) : throw WebApiException.NotEmulated($"The path '{path}'");
        }

        var second = SegmentPattern().Match(segments[1]);
        var member = second.Success ? second.Groups["name"].Value : segments[1];
        var rest = segments[2..];
        if (table.FindLookup(member) is { } lookup && !second.Groups["key"].Success)
        {
            return rest switch
            {
                [] => new Resource(ResourceKind.Navigation, table, keys, Lookup: lookup),
                ["$ref"] => new Resource(ResourceKind.Reference, table, keys, Lookup: lookup),
                _ => throw WebApiException.NotEmulated($"The path '{path}'"),
            };
        }

        if (table.FindCollection(member) is { } collection)
        {
            var related = second.Groups["key"].Success ? Keys.Parse(collection.Child, second.Groups["key"].Value) : null;
            return rest switch
            {
                [] when related is null => new Resource(ResourceKind.Navigation, table, keys, Collection: collection),
                ["$count"] when related is null => new Resource(ResourceKind.NavigationCount, table, keys, Collection: collection),
                ["$ref"] => new Resource(ResourceKind.Reference, table, keys, Collection: collection, RelatedKeys: related),
                _ => throw WebApiException.NotEmulated($"The path '{path}'"),
            };
        }

        if (table.FindProperty(member) is { } property && !second.Groups["key"].Success)
        {
            return rest switch
            {
                [] => new Resource(ResourceKind.Property, table, keys, property),
                ["$value"] => new Resource(ResourceKind.PropertyValue, table, keys, property),
                _ => throw WebApiException.NotEmulated($"The path '{path}'"),
            };
        }

        // Bound functions and actions (Microsoft.Dynamics.CRM.x) and anything else past the record.
        if (member.Contains('.', StringComparison.Ordinal) || member.StartsWith('$'))
        {
            throw WebApiException.NotEmulated($"The path '{path}'");
        }

        throw WebApiException.UnknownProperty(table, member);
    }

    // The record URL relative to the API root, as OData-EntityId and @odata.id show it.
    public static string RecordUrl(DualWriteTable table, Guid id) => $"{table.EntitySetName}({id:D})";

    [GeneratedRegex(@"^(?<name>[A-Za-z_$][A-Za-z0-9_.$]*)(\((?<key>[^)]*)\))?$")]
    private static partial Regex SegmentPattern();
}
