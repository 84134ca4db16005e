using IkmCatalog.Web.Infrastructure.NodeJournal;
using IkmCatalog.Web.Theming;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Infrastructure.OutputCaching;

/// <summary>The "IkmCatalog:OutputCache" section.</summary>
public sealed class PublicCacheOptions
{
    public const string Section = "IkmCatalog:OutputCache";

    /// <summary>Off, every page is rendered for every request (for troubleshooting).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A safety net: changes evict at once through the journal, so a kept page is at most this old.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each node looks whether a scheduled moment (a publishing window, an event's start or end) has passed.</summary>
    public TimeSpan ClockCheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Memory the cache may use on a node, in megabytes.</summary>
    public int SizeLimitMegabytes { get; set; } = 100;
}

public static class OutputCacheServices
{
    /// <summary>
    /// The output cache for anonymous public pages and the delivery API, emptied on every node through the journal
    /// and when a scheduled moment passes.
    /// </summary>
    public static IHostApplicationBuilder AddIkmOutputCache(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PublicCacheOptions>().BindConfiguration(PublicCacheOptions.Section)
            .Validate(o => o.Expiry > TimeSpan.Zero && o.ClockCheck > TimeSpan.Zero && o.SizeLimitMegabytes > 0,
                "IkmCatalog:OutputCache: Expiry, ClockCheck and SizeLimitMegabytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new PublicPagePolicy(
            sp.GetRequiredService<ActiveTheme>(), sp.GetRequiredService<IOptions<PublicCacheOptions>>().Value.Expiry));
        builder.Services.AddOutputCache();
        builder.Services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<PublicPagePolicy, IOptions<PublicCacheOptions>>((options, policy, settings) =>
            {
                options.SizeLimit = settings.Value.SizeLimitMegabytes * 1024L * 1024L;
                options.AddBasePolicy(policy);
            });
        builder.Services.AddSingleton<INodeJournalHandler, OutputCacheEviction>();
        builder.Services.AddHostedService<ScheduledEviction>();
        return builder;
    }

    /// <summary>
    /// Answers from the cache as early as correctness allows: after the error pages, security headers and compression
    /// (so a hit gets them too), before localization, routing, authentication and MVC (which a hit skips).
    /// </summary>
    public static IApplicationBuilder UseIkmOutputCache(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ApplicationServices.GetRequiredService<IOptions<PublicCacheOptions>>().Value.Enabled)
        {
            return app;
        }
        app.UseMiddleware<FormHoleFiller>();
        app.UseOutputCache();
        return app;
    }
}
