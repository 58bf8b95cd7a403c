using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Localization;

public static class StringLocalizerExtensions
{
    // Enum labels live under "<EnumType>.<Member>", e.g. "ProcessingStatus.PartiallyDelivered".
    public static string Label<TEnum>(this IStringLocalizer localizer, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"{typeof(TEnum).Name}.{value}"];
    }
}
