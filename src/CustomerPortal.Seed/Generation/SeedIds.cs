using System.Buffers.Binary;

namespace CustomerPortal.Seed.Generation;

// Ids and per-row random seeds are a pure function of (profile seed, stream, row index): the same
// profile gives the same ids on every machine, however the rows before them were drawn.
internal static class SeedIds
{
    public static Guid For(int randomSeed, SeedStream stream, long index, long subIndex = 0)
    {
        var high = Hash(randomSeed, stream, index, subIndex);
        var low = Mix(high ^ 0xD1B54A32D192ED03UL);

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        // Version 4 and the RFC 4122 variant, so the ids look like the random ones Dataverse hands out.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    // A seed for a System.Random or a Bogus Randomizer that draws the values of one row (or one stream).
    public static int RandomSeed(int randomSeed, SeedStream stream, long index = 0, long subIndex = 0) =>
        (int)(Hash(randomSeed, stream, index, subIndex) >> 33);

    private static ulong Hash(int randomSeed, SeedStream stream, long index, long subIndex)
    {
        var key = Mix((ulong)(uint)randomSeed ^ ((ulong)stream << 32));
        key = Mix(key ^ (ulong)index);
        return Mix(key ^ (ulong)subIndex);
    }

    // SplitMix64's finaliser: every input bit flips about half of the output bits.
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
