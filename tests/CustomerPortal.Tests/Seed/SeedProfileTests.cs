using System.Text.Json.Nodes;
using CustomerPortal.Seed;

namespace CustomerPortal.Tests.Seed;

public sealed class SeedProfileTests
{
    [Theory]
    [InlineData("seed/demo.json", "demo", 2000)]
    [InlineData("seed/large.json", "large", 250_000)]
    public void The_shipped_profiles_are_valid(string path, string name, int orders)
    {
        var profile = SeedProfile.Load(TestProfiles.RepositoryFile(path));

        Assert.Equal(name, profile.Name);
        Assert.Equal(orders, profile.Counts.Orders);
        // The shipped profiles say "today", so a fresh demo always looks current; tests pin the date.
        Assert.InRange(profile.ReferenceDate, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(new DateOnly(2026, 11, 1), SeedProfile.Load(TestProfiles.RepositoryFile(path), new DateOnly(2026, 11, 1)).ReferenceDate);
        Assert.Equal(4, profile.Personas.Count);
        Assert.Null(profile.Personas.Single(p => p.Role == "Administrator").AccountNumber);
    }

    [Fact]
    public void A_reference_date_of_today_is_the_utc_date_and_a_pinned_date_replaces_it()
    {
        var profile = TestProfiles.Small();
        profile["referenceDate"] = "today";

        var today = SeedProfile.Parse(profile.ToJsonString());
        var pinned = SeedProfile.Parse(profile.ToJsonString(), "tests.json", new DateOnly(2026, 11, 1));

        Assert.InRange(today.ReferenceDate, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(new DateOnly(2026, 11, 1), pinned.ReferenceDate);
    }

    [Fact]
    public void An_unknown_key_is_named_with_its_place_in_the_file()
    {
        var profile = TestProfiles.Small();
        profile["counts"]!["orderz"] = 5;

        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(profile.ToJsonString(), "bad.json"));

        Assert.Contains("bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'counts.orderz'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_in_the_wrong_case_is_unknown()
    {
        var profile = TestProfiles.Small();
        profile["RandomSeed"] = 1;

        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(profile.ToJsonString(), "bad.json"));

        Assert.Contains("unknown key 'RandomSeed'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders", -5, "counts.orders must be between 0")]
    [InlineData("companies", 0, "counts.companies must be between 1 and 7")]
    [InlineData("companies", 8, "counts.companies must be between 1 and 7")]
    [InlineData("accounts", 2, "counts.accounts must be at least counts.companies (6)")]
    [InlineData("contacts", 31, "counts.contacts must be at least 35")]
    [InlineData("products", 5, "counts.products must be between 9")]
    public void A_count_out_of_range_is_named_with_its_limits(string count, int value, string expected)
    {
        var profile = TestProfiles.Small();
        profile["counts"]![count] = value;

        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(profile.ToJsonString(), "bad.json"));

        Assert.Contains("bad.json: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 5, "counts.linesPerOrder.min must be at least 1")]
    [InlineData(5, 4, "counts.linesPerOrder.max must be between linesPerOrder.min (5) and 50")]
    [InlineData(1, 51, "counts.linesPerOrder.max must be between linesPerOrder.min (1) and 50")]
    public void Lines_per_order_must_be_a_sensible_range(int min, int max, string expected)
    {
        var profile = TestProfiles.Small();
        profile["counts"]!["linesPerOrder"] = new JsonObject { ["min"] = min, ["max"] = max };

        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(profile.ToJsonString()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_locale_is_refused()
    {
        var profile = TestProfiles.Small();
        profile["locale"] = "xx_XX";

        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(profile.ToJsonString(), "bad.json"));

        Assert.Contains("bad.json: locale 'xx_XX' is not a Bogus locale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persona_account_the_profile_does_not_generate_is_refused_with_the_accounts_it_does()
    {
        var profile = TestProfiles.Small();
        profile["personas"]![0]!["accountNumber"] = "US-0099";

        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(profile.ToJsonString(), "bad.json"));

        Assert.Contains("bad.json: personas[0].accountNumber 'US-0099' is not an account this profile generates", error.Message, StringComparison.Ordinal);
        Assert.Contains("US-0001..US-0005", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Persona_mistakes_are_all_reported_at_once()
    {
        var profile = TestProfiles.Small();
        var personas = profile["personas"]!.AsArray();
        personas[0]!["password"] = "short-1A!";
        personas[1]!["email"] = "rep@contoso.example";
        personas[2]!.AsObject().Remove("accountNumber");
        personas[3]!["role"] = "Admin";

        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(profile.ToJsonString(), "bad.json"));
        var lines = error.Message.Split(Environment.NewLine);

        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("bad.json: personas[", line, StringComparison.Ordinal));
        Assert.Contains("personas[0].password must be at least 12 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("personas[1].email 'rep@contoso.example' is already used by personas[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("personas[2].accountNumber is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("personas[3].role 'Admin' is not a portal role", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_administrator_with_an_account_number_is_refused()
    {
        var profile = TestProfiles.Small();
        profile["personas"]![3]!["accountNumber"] = "US-0001";

        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(profile.ToJsonString()));

        Assert.Contains("personas[3].accountNumber must be left out for an Administrator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persona_description_can_be_given_per_language()
    {
        var profile = TestProfiles.Small();
        profile["personas"]![0]!["description"] = "Sees every order of the account.";
        profile["personas"]![0]!["descriptions"] = new JsonObject { ["fr-FR"] = "Voit toutes les commandes du compte.", ["ko-KR"] = "계정의 모든 주문을 볼 수 있습니다." };

        var persona = SeedProfile.Parse(profile.ToJsonString()).Personas[0];

        Assert.Equal("Sees every order of the account.", persona.Description);
        Assert.Equal("Voit toutes les commandes du compte.", persona.Descriptions["fr-FR"]);
        Assert.Equal("계정의 모든 주문을 볼 수 있습니다.", persona.Descriptions["ko-KR"]);
        Assert.Empty(SeedProfile.Parse(profile.ToJsonString()).Personas[1].Descriptions);
    }

    [Fact]
    public void Persona_translation_mistakes_are_all_reported()
    {
        var profile = TestProfiles.Small();
        profile["personas"]![0]!["description"] = "Sees every order of the account.";
        profile["personas"]![0]!["descriptions"] = new JsonObject { ["xx-YY"] = "Quelque chose.", ["sv-SE"] = " " };
        profile["personas"]![1]!["descriptions"] = new JsonObject { ["fr-FR"] = "Voit ses propres commandes." };

        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(profile.ToJsonString(), "bad.json"));

        Assert.Equal(3, error.Message.Split(Environment.NewLine).Length);
        Assert.Contains("bad.json: personas[0].descriptions has the key 'xx-YY', which is not a culture name", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.json: personas[0].descriptions.sv-SE is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.json: personas[1].description is missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{ "randomSeed": "abc" }""", "randomSeed has a value of the wrong kind")]
    [InlineData("{}", "name is missing")]
    [InlineData("""{ "name": "x", "randomSeed": 1, "referenceDate": "01/11/2026", "locale": "en_US" }""", "referenceDate must be a date written yyyy-MM-dd")]
    public void Malformed_profiles_are_explained(string json, string expected)
    {
        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Parse(json, "bad.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_profile_file_is_a_profile_error()
    {
        var error = Assert.Throws<SeedProfileException>(() => SeedProfile.Load("/nonexistent/profile.json"));

        Assert.Contains("/nonexistent/profile.json", error.Message, StringComparison.Ordinal);
    }
}
