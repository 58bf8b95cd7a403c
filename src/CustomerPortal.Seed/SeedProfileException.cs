namespace CustomerPortal.Seed;

// A seed profile that cannot be used. The message is written for the person who edits the profile:
// it names the file and every field that is wrong.
public sealed class SeedProfileException : Exception
{
    public SeedProfileException()
    {
    }

    public SeedProfileException(string message)
        : base(message)
    {
    }

    public SeedProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
