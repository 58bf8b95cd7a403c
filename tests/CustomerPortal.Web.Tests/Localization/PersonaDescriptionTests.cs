using System.Globalization;
using System.Text.Json;
using CustomerPortal.Web.Demo;
using CustomerPortal.Web.Localization;

namespace CustomerPortal.Web.Tests.Localization;

// The demo card's persona texts live in the seed profiles, not in the resources, so ResourceCompletenessTests
// cannot see them: a persona added to a shipped profile in English only is caught here.
public sealed class PersonaDescriptionTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> ShippedProfiles => new(
        Directory.GetFiles(Path.Combine(SeededPortalData.RepositoryRoot, "seed"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ShippedProfiles))]
    public void EveryShippedPersonaIsDescribedInEveryLanguage(string profile)
    {
        var personas = Personas(profile);
        var missing = new List<string>();
        foreach (var persona in personas)
        {
            if (string.IsNullOrWhiteSpace(persona.Description))
            {
                missing.Add($"{persona.Email}: description");
            }

            // Its own text in each language, not the English one a missing translation falls back to.
            missing.AddRange(PortalCultures.Supported.Where(culture => culture.Name != PortalCultures.Default)
                .Where(culture => persona.Descriptions?.GetValueOrDefault(culture.Name) is not { } text
                    || string.IsNullOrWhiteSpace(text) || text == persona.Description)
                .Select(culture => $"{persona.Email}: descriptions.{culture.Name}"));
        }

        Assert.NotEmpty(personas);
        Assert.True(missing.Count == 0, $"seed/{profile} lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("fr-FR", "Voit tout.")] // the culture's own text
    [InlineData("fr-CA", "Voit tout.")] // another variant of the language
    [InlineData("ko-KR", "모두 봅니다.")]
    [InlineData("el-GR", "Sees everything.")] // no Greek text: the default
    [InlineData("en-US", "Sees everything.")]
    [InlineData("sv-SE", "Sees everything.")] // a blank Swedish text: the default
    public void ThePersonaTextFollowsTheReadersLanguage(string culture, string expected)
    {
        var persona = new DemoPersona("rep@contoso.example", "x", "CustomerRepresentative", "Sees everything.", "Rosa", "Representative", "US-0001",
            new Dictionary<string, string> { ["fr-FR"] = "Voit tout.", ["ko-KR"] = "모두 봅니다.", ["sv-SE"] = " " });

        Assert.Equal(expected, persona.DescriptionIn(CultureInfo.GetCultureInfo(culture)));
    }

    private static List<DemoPersona> Personas(string profile)
    {
        using var file = File.OpenRead(Path.Combine(SeededPortalData.RepositoryRoot, "seed", profile));
        return JsonSerializer.Deserialize<Profile>(file, Json)!.Personas;
    }

    private sealed record Profile(List<DemoPersona> Personas);
}
