namespace CustomerPortal.Seed.Generation;

// Sales units. The symbol is the Supply Chain Management unit id dual-write maps units by (msdyn_symbol).
internal static class UnitCatalog
{
    public static IReadOnlyList<UnitTemplate> All { get; } =
    [
        new("ea", "Each", 0),
        new("pcs", "Pieces", 0),
        new("box", "Box", 0),
        new("set", "Set", 0),
        new("kg", "Kilogram", 3),
        new("m", "Meter", 2),
        new("l", "Liter", 2),
    ];

    public static int IndexOf(string symbol)
    {
        var index = All.Select(unit => unit.Symbol).ToList().IndexOf(symbol);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "Not a unit of the catalog.");
    }
}
