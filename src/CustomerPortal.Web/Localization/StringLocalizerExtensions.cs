using System.Collections.Frozen;
using CustomerPortal.Core.Ordering;
using CustomerPortal.Core.Orders;
using Microsoft.Extensions.Localization;

namespace CustomerPortal.Web.Localization;

public static class StringLocalizerExtensions
{
    // Enum labels live under "<EnumType>.<Member>", e.g. "ProcessingStatus.PartiallyDelivered".
    public static string Label<TEnum>(this IStringLocalizer localizer, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[EnumKeys<TEnum>.ByValue.TryGetValue(value, out var key) ? key : $"{typeof(TEnum).Name}.{value}"];
    }

    // Lists label a status per row: the keys are built once per enum type, not formatted per row.
    private static class EnumKeys<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().Distinct()
            .ToFrozenDictionary(value => value, value => $"{typeof(TEnum).Name}.{value}");
    }

    // The list's delivery filter: the windows' lengths are the rules' own, not repeated in the texts. The order list
    // labels every option on every request, so the key and the arguments are made once.
    public static string Label(this IStringLocalizer localizer, OrderProgress progress)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var key = EnumKeys<OrderProgress>.ByValue.TryGetValue(progress, out var known) ? known : $"OrderProgress.{progress}";
        return localizer[key, ProgressWindows];
    }

    private static readonly object[] ProgressWindows = [DeliveryRules.DueSoonDays, DeliveryRules.RecentlyDeliveredDays];

    // Why an order or a line is refused: the product's or the quantity's own reason when there is one.
    public static string Label(this IStringLocalizer localizer, SubmitRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal switch
        {
            { Product: { } product } => localizer.Label(product),
            { Quantity: { } quantity } => localizer.Label(quantity),
            _ => localizer.Label(refusal.Reason),
        };
    }
}
