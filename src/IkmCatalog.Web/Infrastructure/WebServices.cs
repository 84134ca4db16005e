using System.Globalization;
using System.Threading.RateLimiting;
using IkmCatalog.Content;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using IkmCatalog.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Infrastructure;

public static class WebServices
{
    public static IHostApplicationBuilder AddIkmWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Serves the themes' CSS and logos from the Razor class library outside Development too.
        builder.WebHost.UseStaticWebAssets();

        var themeName = builder.Configuration[$"{IkmCatalogOptions.Section}:Theme"] ?? "default";
        var theme = new ActiveTheme(themeName); // an unknown theme stops start-up here, with its name in the message
        builder.Services.AddSingleton(theme);

        // Antiforgery and cookie keys survive restarts (and, on several nodes, are shared through the data folder or Redis).
        builder.Services.AddDataProtection()
            .SetApplicationName("IkmCatalog")
            .PersistKeysToFileSystem(new DirectoryInfo(builder.Services.BuildDataPaths().Keys));

        builder.Services.AddSingleton<UiStrings>();
        builder.Services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        builder.Services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        builder.Services.AddLocalization();

        builder.Services.AddControllersWithViews(options => options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
            .AddRazorOptions(options =>
            {
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
                options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
                options.ViewLocationExpanders.Add(new ThemeViewLocationExpander(theme));
            });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ikm.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddResponseCompression(options => options.EnableForHttps = true);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Public forms (inquiries, orders, registration) and the API share per-client budgets.
            options.AddPolicy(RateLimits.PublicForms, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(RateLimits.Api, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseIkmWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseResponseCompression();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures.Indonesian),
            SupportedCultures = [.. Cultures.All.Select(CultureInfo.GetCultureInfo)],
            SupportedUICultures = [.. Cultures.All.Select(CultureInfo.GetCultureInfo)],
            RequestCultureProviders = [new CultureFromPath()],
        });
        app.MapStaticAssets();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }
}

internal static class DataPathsLookup
{
    /// <summary>The DataPaths registered by AddIkmCore (an instance, so no provider needs building).</summary>
    public static DataPaths BuildDataPaths(this IServiceCollection services) =>
        services.Select(d => d.ImplementationInstance).OfType<DataPaths>().LastOrDefault()
            ?? throw new InvalidOperationException("AddIkmCore must run before AddIkmWeb.");
}

public static class RateLimits
{
    public const string PublicForms = "public-forms";
    public const string Api = "api";
}
