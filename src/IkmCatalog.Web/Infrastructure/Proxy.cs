using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Infrastructure;

/// <summary>The "IkmCatalog:Proxy" section: the reverse proxies whose X-Forwarded-For and -Proto headers are believed.</summary>
public sealed class ProxyOptions
{
    public const string Section = "IkmCatalog:Proxy";

    /// <summary>Addresses of the proxies in front of this node (e.g. 10.0.0.2), besides loopback.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of proxies in CIDR form (e.g. 10.0.0.0/24), besides loopback.</summary>
    public IList<string> KnownNetworks { get; } = [];
}

/// <summary>The "IkmCatalog:Https" section.</summary>
public sealed class HttpsOptions
{
    public const string Section = "IkmCatalog:Https";

    /// <summary>Redirect plain HTTP requests (as the proxy reports them) to HTTPS.</summary>
    public bool Redirect { get; set; }

    /// <summary>The public HTTPS port redirects lead to.</summary>
    public int Port { get; set; } = 443;
}

/// <summary>
/// Running behind a reverse proxy: the client's address and scheme from the forwarded headers of trusted proxies only,
/// HTTPS redirection when asked, and host filtering so that a forged Host header never reaches a link.
/// </summary>
public static partial class Proxy
{
    public static IHostApplicationBuilder AddProxySupport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new();
        var proxyAddresses = proxies.KnownProxies.Select(ParseAddress).ToList();
        var proxyNetworks = proxies.KnownNetworks.Select(ParseNetwork).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The Host header is not taken from X-Forwarded-Host: host filtering checks the Host the proxy passes on
            // (nginx: proxy_set_header Host $host), before this middleware runs.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Walk back through every trusted proxy of a chain; the first untrusted address is the client.
            options.ForwardLimit = null;
            // Loopback stays trusted (the framework's default): only a process on this machine connects from it, and
            // such a process could read the data folder anyway; a proxy on the same machine then needs no setting.
            foreach (var address in proxyAddresses)
            {
                options.KnownProxies.Add(address);
            }
            foreach (var network in proxyNetworks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });

        var https = builder.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new();
        builder.Services.AddHttpsRedirection(options =>
        {
            options.HttpsPort = https.Port;
            options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });

        // AllowedHosts from configuration wins; unset, it becomes the public base URL's host plus this machine.
        var publicBaseUrl = builder.Configuration[$"{IkmCatalogOptions.Section}:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"])
            && Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var publicUri))
        {
            builder.Services.PostConfigure<HostFilteringOptions>(options =>
                options.AllowedHosts = [publicUri.IdnHost, "localhost", "127.0.0.1", "[::1]"]);
        }
        return builder;
    }

    /// <summary>First in the pipeline: later middleware (rate limits, cookies, HSTS) sees the real client and scheme.</summary>
    public static WebApplication UseProxySupport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (app.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>()?.Redirect == true)
        {
            // Health probes come straight to the node over plain HTTP.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase),
                branch => branch.UseHttpsRedirection());
        }
        var options = app.Services.GetRequiredService<IOptions<IkmCatalogOptions>>().Value;
        if (string.IsNullOrEmpty(options.PublicBaseUrl) && !HostsRestricted(app.Services))
        {
            LogNoPublicHost(app.Logger);
        }
        return app;
    }

    /// <summary>
    /// Whether absolute links may be built from this request's Host header: when host filtering admits only configured
    /// hosts, or when it is this machine (development, tests, a health probe). Any other Host could be forged.
    /// </summary>
    public static bool IsTrustedHost(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HostsRestricted(context.RequestServices))
        {
            return true;
        }
        var host = context.Request.Host.Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static bool HostsRestricted(IServiceProvider services) =>
        services.GetService<IOptions<HostFilteringOptions>>()?.Value.AllowedHosts is { Count: > 0 } hosts
        && !hosts.Contains("*");

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address) ? address
        : throw new InvalidOperationException($"{ProxyOptions.Section}:KnownProxies: '{value}' is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network) ? network
        : throw new InvalidOperationException($"{ProxyOptions.Section}:KnownNetworks: '{value}' is not a network in CIDR form (e.g. 10.0.0.0/24).");

    [LoggerMessage(LogLevel.Warning, "Neither IkmCatalog:PublicBaseUrl nor AllowedHosts is set: links outside a request (sitemap, emails, canonical links) are relative unless the request comes to localhost. Set IkmCatalog:PublicBaseUrl.")]
    private static partial void LogNoPublicHost(ILogger logger);
}
