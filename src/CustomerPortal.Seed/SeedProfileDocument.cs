namespace CustomerPortal.Seed;

// The profile file as written, before it is checked. Everything is nullable so that a missing value
// becomes a clear "is missing" message instead of a silent zero.
internal sealed class SeedProfileDocument
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int? RandomSeed { get; set; }
    public string? ReferenceDate { get; set; }
    public string? Locale { get; set; }
    public CountsDocument? Counts { get; set; }
    public List<PersonaDocument?>? Personas { get; set; }

    internal sealed class CountsDocument
    {
        public int? Companies { get; set; }
        public int? Accounts { get; set; }
        public int? Contacts { get; set; }
        public int? Products { get; set; }
        public int? Orders { get; set; }
        public LinesPerOrderDocument? LinesPerOrder { get; set; }
    }

    internal sealed class LinesPerOrderDocument
    {
        public int? Min { get; set; }
        public int? Max { get; set; }
    }

    internal sealed class PersonaDocument
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Role { get; set; }
        public string? AccountNumber { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Description { get; set; }
        public Dictionary<string, string?>? Descriptions { get; set; }
    }
}
