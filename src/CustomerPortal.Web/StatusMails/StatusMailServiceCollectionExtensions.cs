namespace CustomerPortal.Web.StatusMails;

public static class StatusMailServiceCollectionExtensions
{
    // The status-mail worker; the preference is on the profile page, the state in the portal store.
    public static IServiceCollection AddStatusMails(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatusMailOptions>()
            .Bind(configuration.GetSection(StatusMailOptions.Section))
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(100) && o.Lease > o.PollInterval && o.MaxOrdersPerPoll is >= 1 and <= 50_000,
                $"{StatusMailOptions.Section}: PollInterval must be at least 100 ms, LeaseDuration longer than PollInterval, MaxOrdersPerPoll between 1 and 50000.")
            .ValidateOnStart();
        services.AddSingleton<StatusMailComposer>();
        services.AddScoped<StatusMailPoller>();
        if (configuration.GetSection(StatusMailOptions.Section).GetValue(nameof(StatusMailOptions.Enabled), true))
        {
            services.AddSingleton<StatusMailWorker>();
            services.AddHostedService(s => s.GetRequiredService<StatusMailWorker>());
        }

        return services;
    }
}
