using Bogus;

namespace CustomerPortal.Seed.Generation;

// Believable postal addresses for one legal entity's country. Streets and towns come from Bogus in the
// country's address locale, postcodes from its own locale (German streets, Swiss postcodes).
internal sealed class AddressWriter(LegalEntityTemplate legalEntity, int seed)
{
    private readonly Faker _streets = new(legalEntity.AddressLocale) { Random = new Randomizer(seed) };
    private readonly Faker _postcodes = new(legalEntity.Locale) { Random = new Randomizer(unchecked(seed + 1)) };
    private readonly bool _japanese = legalEntity.Locale == "ja";

    public DeliveryAddress Next(string description)
    {
        // Bogus writes Japanese streets as "<surname>Skyway"; a chōme-banchi-gō number is what a Japanese address line holds.
        var line1 = _japanese
            ? $"{_streets.Random.Int(1, 9)}-{_streets.Random.Int(1, 30)}-{_streets.Random.Int(1, 20)}"
            : _streets.Address.StreetAddress();
        var line2 = !_japanese && _streets.Random.Bool(0.15f) ? _streets.Address.SecondaryAddress() : null;
        var city = _streets.Address.City();
        // Prefectures are written out; American states and Canadian provinces by their postal abbreviation.
        var region = !legalEntity.HasStateOrProvince ? null
            : _japanese ? _streets.Address.State()
            : _streets.Address.StateAbbr();
        return new DeliveryAddress(description, line1, line2, city, region, _postcodes.Address.ZipCode(), legalEntity.Country);
    }
}
