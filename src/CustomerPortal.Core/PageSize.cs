namespace CustomerPortal.Core;

public static class PageSize
{
    public const int Default = 25;
    public static readonly IReadOnlyList<int> Allowed = [10, 25, 50, 100];

    public static int Normalize(int? requested) =>
        requested is { } size && Allowed.Contains(size) ? size : Default;
}
