using System.Text.Json.Nodes;

namespace CustomerPortal.Tests.Seed;

// Small profiles in the format of seed/demo.json, so a seed takes about a second.
public static class TestProfiles
{
    public const string ReferenceDate = "2026-11-01";

    // Six legal entities, so yen (no decimals) and francs are in the data too.
    public static JsonObject Small(int randomSeed = 4242) => new()
    {
        ["name"] = "tests",
        ["description"] = "Small profile for the seed tests.",
        ["randomSeed"] = randomSeed,
        ["referenceDate"] = ReferenceDate,
        ["locale"] = "en_US",
        ["counts"] = new JsonObject
        {
            ["companies"] = 6,
            ["accounts"] = 30,
            ["contacts"] = 90,
            ["products"] = 150,
            ["orders"] = 1500,
            ["linesPerOrder"] = new JsonObject { ["min"] = 1, ["max"] = 9 },
        },
        ["personas"] = new JsonArray(
            Persona("rep@contoso.example", "CustomerRepresentative", "US-0001", "Rosa", "Representative"),
            Persona("buyer@contoso.example", "AuthorizedUser", "US-0001", "Ben", "Buyer"),
            Persona("buyer@fabrikam.example", "CustomerRepresentative", "DE-0001", "Frieda", "Fabrikam"),
            Persona("admin@portal.example", "Administrator", null, "Ada", "Administrator")),
    };

    // For tests that only need a data directory to exist.
    public static JsonObject Tiny()
    {
        var profile = Small();
        var counts = profile["counts"]!.AsObject();
        counts["companies"] = 2;
        counts["accounts"] = 4;
        counts["contacts"] = 12;
        counts["products"] = 20;
        counts["orders"] = 30;
        return profile;
    }

    public static JsonObject Persona(string email, string role, string? accountNumber, string firstName, string lastName)
    {
        var persona = new JsonObject
        {
            ["email"] = email,
            ["password"] = "Test-Portal-2026!",
            ["role"] = role,
        };
        if (accountNumber is not null)
        {
            persona["accountNumber"] = accountNumber;
        }

        persona["firstName"] = firstName;
        persona["lastName"] = lastName;
        return persona;
    }

    public static string RepositoryFile(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CustomerPortal.sln")))
            {
                return Path.Combine(directory.FullName, relativePath);
            }
        }

        throw new InvalidOperationException("The repository root (CustomerPortal.sln) was not found above " + AppContext.BaseDirectory);
    }
}
