using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CustomerPortal.Web.Identity;
using CustomerPortal.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace CustomerPortal.Web.Localization;

public static class LocalizationServiceCollectionExtensions
{
    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachedStringLocalizerFactory>());

        // The users' "today" (late orders, the dashboard), checked at start-up.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PortalCalendar>();
        services.AddOptions<PortalOptions>()
            .Validate(o => PortalCalendar.IsValidTimeZone(o.TimeZone), "Portal:TimeZone is not a time zone this server knows (use an IANA id such as Europe/Paris).")
            .Validate(o => PortalCalendar.IsValidToday(o.Today), "Portal:Today must be a date written yyyy-MM-dd, or empty.")
            .ValidateOnStart();

        // Razor's default encoder writes every non-ASCII letter as &#x...; French pages read better (and weigh less) without that.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // The signed-in user's stored language wins, then the picker's cookie (a visitor's choice, or a signed-in
        // user's on this browser), then the browser's languages, matched on language only.
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PortalCultures.Default);
            options.SupportedCultures = [.. PortalCultures.Supported];
            options.SupportedUICultures = [.. PortalCultures.Supported];
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(FromProfileAsync),
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context => Task.FromResult(FromAcceptLanguage(context))),
            ];
        });

        // Binding errors ("from=yesterday", "status=Lost") are shown next to the field, so they must be localized too.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SharedResource>>((mvc, localizer) =>
        {
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => localizer["Validation.ValueInvalid", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => localizer["Validation.ValueInvalid", value]);
            messages.SetUnknownValueIsInvalidAccessor(_ => localizer["Validation.UnknownValue"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Validation.UnknownValue"]);
            messages.SetValueIsInvalidAccessor(value => localizer["Validation.ValueInvalid", value]);
            messages.SetValueMustBeANumberAccessor(_ => localizer["Validation.MustBeNumber"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Validation.MustBeNumber"]);
            messages.SetValueMustNotBeNullAccessor(_ => localizer["Validation.Required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => localizer["Validation.Required"]);
            messages.SetMissingKeyOrValueAccessor(() => localizer["Validation.Required"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Validation.Required"]);
        });

        return services;
    }

    // Request localization runs before the authentication middleware; the cookie handler keeps its answer
    // for the request, so reading the user here is the same cookie read, not a second one.
    private static async Task<ProviderCultureResult?> FromProfileAsync(HttpContext context)
    {
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return PortalCultures.Find(signedIn.Principal?.FindFirstValue(CustomerClaimTypes.Culture)) is { } culture
            ? new ProviderCultureResult(culture.Name)
            : null;
    }

    private static ProviderCultureResult? FromAcceptLanguage(HttpContext context)
    {
        var languages = context.Request.GetTypedHeaders().AcceptLanguage;
        var culture = languages
            .Where(language => language.Quality is not 0)
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => PortalCultures.ForLanguage(language.Value.ToString()))
            .FirstOrDefault(match => match is not null);
        return culture is null ? null : new ProviderCultureResult(culture.Name);
    }
}
