using System.Globalization;
using System.Threading.RateLimiting;
using IkmCatalog.Content;
using IkmCatalog.Web.Areas.Backoffice;
using IkmCatalog.Web.Infrastructure.OutputCaching;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using IkmCatalog.Web.Infrastructure.NodeJournal;
using IkmCatalog.Data;
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

        // Antiforgery and cookie keys survive restarts and are shared by every node (kept in the database).
        builder.AddIkmDataProtection();

        builder.Services.AddSingleton<UiStrings>();
        // The layout's header and footer HTML per language and path base (they show no content).
        builder.Services.AddSingleton<Views.HtmlMemo>();
        builder.Services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        builder.Services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        builder.Services.AddLocalization();

        builder.Services.AddControllersWithViews(options => options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
            .AddDataAnnotationsLocalization() // validation messages and field names are string keys, shown in the reader's language
            .AddRazorOptions(options =>
            {
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
                options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
                // The backoffice: Areas/Backoffice/<Feature>/<View>.cshtml.
                options.AreaViewLocationFormats.Clear();
                options.AreaViewLocationFormats.Add("/Areas/{2}/{1}/{0}.cshtml");
                options.AreaViewLocationFormats.Add("/Areas/{2}/Shared/{0}.cshtml");
                options.ViewLocationExpanders.Add(new ThemeViewLocationExpander(theme));
            });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ikm.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddResponseCompression(options => options.EnableForHttps = true);
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per-client budgets: public forms (inquiries, orders, registration), backoffice sign-in, the API.
            options.AddPolicy(RateLimits.PublicForms, context => PerClient(context, RateLimits.PublicForms, limits.PublicFormsPerMinute));
            options.AddPolicy(RateLimits.SignIn, context => PerClient(context, RateLimits.SignIn, limits.SignInPerMinute));
            options.AddPolicy(RateLimits.Api, context => PerClient(context, RateLimits.Api, limits.ApiPerMinute));
        });
        // Robot checks for public forms: honeypot, signed fill-time stamp; per-address and per-email limits.
        builder.Services.AddOptions<SpamOptions>().BindConfiguration(SpamOptions.Section);
        builder.Services.AddSingleton<FormGuard>();
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseIkmWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseProxySupport(); // first: the real client address and scheme from trusted proxies
        app.UseHeadAsGet();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseResponseCompression();
        app.UseIkmOutputCache(); // a hit is answered here, before localization, routing and MVC
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures.Indonesian),
            SupportedCultures = [.. Cultures.All.Select(CultureInfo.GetCultureInfo)],
            SupportedUICultures = [.. Cultures.All.Select(CultureInfo.GetCultureInfo)],
            RequestCultureProviders = [new BackofficeCulture(), new CultureFromPath()],
        });
        app.MapStaticAssets();
        app.UseRouting();
        app.UseAllowedMethods(); // OPTIONS and 405 answered with the methods a URL takes
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}:{context.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

/// <summary>The "IkmCatalog:RateLimits" section: requests per client address and minute.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "IkmCatalog:RateLimits";

    public int PublicFormsPerMinute { get; set; } = 10;

    public int SignInPerMinute { get; set; } = 10;

    public int ApiPerMinute { get; set; } = 600;
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
    public const string SignIn = "sign-in";
    public const string Api = "api";
}
