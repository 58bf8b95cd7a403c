namespace CustomerPortal.Data.Sqlite;

internal static class LikePattern
{
    public const string EscapeCharacter = "\\";

    // "contains" for SQLite LIKE, which is case-insensitive for ASCII like Dataverse's contains().
    public static string Contains(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
                  .Replace("%", "\\%", StringComparison.Ordinal)
                  .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
