using CustomerPortal.DualWrite;

namespace CustomerPortal.Seed.Generation;

// The modes of delivery (msdyn_shipvia) every legal entity gets, with how often its orders use each.
// Ids come from their own stream (company index, mode index), so no other row moves.
internal static class DeliveryModeCatalog
{
    public static IReadOnlyList<(string Code, string Description, double Weight, decimal DollarFreight)> All { get; } =
    [
        ("TRUCK", "Truck", 0.45, 85m),
        ("PARCEL", "Parcel", 0.33, 18m),
        ("AIR", "Air freight", 0.08, 240m),
        ("PICKUP", "Customer pickup", 0.14, 0m),
    ];

    public static List<ShipViaRow> For(int randomSeed, int companyIndex, CompanyRow company) =>
    [
        .. All.Select((mode, i) => new ShipViaRow
        {
            ShipViaId = SeedIds.For(randomSeed, SeedStream.DeliveryModeId, companyIndex, i),
            Name = mode.Code,
            Description = mode.Description,
            CompanyId = company.CompanyId,
        }),
    ];

    // A mode index drawn by the weights.
    public static int Pick(Random random)
    {
        var draw = random.NextDouble();
        for (var i = 0; i < All.Count; i++)
        {
            draw -= All[i].Weight;
            if (draw < 0)
            {
                return i;
            }
        }

        return 0;
    }
}
