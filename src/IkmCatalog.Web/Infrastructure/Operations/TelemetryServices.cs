using System.Net;
using IkmCatalog.Search;
using IkmCatalog.Web.Infrastructure.NodeJournal;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IkmCatalog.Web.Infrastructure.Operations;

/// <summary>The "IkmCatalog:Telemetry" configuration section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "IkmCatalog:Telemetry";

    /// <summary>Serve the metrics for Prometheus to scrape at <see cref="MetricsPath"/>.</summary>
    public bool Prometheus { get; set; } = true;

    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// Networks (CIDR, e.g. 10.0.0.0/8) whose addresses may read the metrics; everyone else gets a 404. Behind a
    /// proxy the address is the visitor's only once the proxy is a known one (forwarded headers).
    /// </summary>
    /// <remarks>Unset: loopback only (127.0.0.0/8 and ::1).</remarks>
    public string[]? MetricsAllowedNetworks { get; set; }

    /// <summary>Where to send metrics and traces over OTLP; the standard OTEL_EXPORTER_OTLP_ENDPOINT works too. Unset: no OTLP.</summary>
    public string? OtlpEndpoint { get; set; }

    public string ServiceName { get; set; } = "ikmcatalog";
}

/// <summary>
/// OpenTelemetry for the site: request rate and latency (ASP.NET Core's own meters), the runtime, outgoing HTTP
/// calls, and the application's "IkmCatalog" meter (search, image pipeline, node journal, outbox); scraped by
/// Prometheus at /metrics from allowed networks, and sent over OTLP with traces when an endpoint is configured.
/// </summary>
public static class TelemetryServices
{
    public static IHostApplicationBuilder AddIkmTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        _ = AllowedNetworks(options); // a mistyped network stops start-up with its value in the message
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        builder.Services.AddSingleton<INodeJournalHandler, OperationsTelemetry.JournalHandler>();

        var otlpEndpoint = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var otlp = !string.IsNullOrWhiteSpace(otlpEndpoint);
        if (!options.Prometheus && !otlp)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SearchTelemetry.Name);
            if (options.Prometheus)
            {
                // Scrapes come every 15 s or so; an answer cached for 300 ms (the default) would only hide fresh values.
                metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
            }
            if (otlp)
            {
                metrics.AddOtlpExporter(o => ConfigureOtlp(o, options));
            }
        });
        if (otlp)
        {
            // Spans cost something on every request, so they are made only when something receives them.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(options.MetricsPath, StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddSource(SearchTelemetry.Name)
                .AddOtlpExporter(o => ConfigureOtlp(o, options)));
        }
        return builder;
    }

    /// <summary>
    /// The configured endpoint is used as it is (gRPC by default); without it the exporter reads the standard
    /// OTEL_EXPORTER_OTLP_* variables itself, adding /v1/metrics or /v1/traces for http/protobuf.
    /// </summary>
    private static void ConfigureOtlp(OpenTelemetry.Exporter.OtlpExporterOptions otlp, TelemetryOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            otlp.Endpoint = new Uri(options.OtlpEndpoint);
        }
    }

    /// <summary>The Prometheus endpoint, for allowed networks only; never cached, never rate limited.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        if (!options.Prometheus)
        {
            return app;
        }
        var allowed = AllowedNetworks(options);
        app.MapPrometheusScrapingEndpoint(options.MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use((http, next) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                if (!MayReadMetrics(http, allowed))
                {
                    // Not a public page: to anyone else it does not exist (and no HTML error page is assembled for it).
                    if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                    {
                        statusPages.Enabled = false;
                    }
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(http);
            }), optionsName: null)
            .DisableRateLimiting()
            .CacheOutput(policy => policy.NoCache());
        return app;
    }

    /// <summary>
    /// True for a direct connection from an allowed network. A request still carrying X-Forwarded-For came through a
    /// proxy that is not configured as known: its connection address is the proxy's, not the visitor's, so it is refused.
    /// </summary>
    public static bool MayReadMetrics(HttpContext http, IReadOnlyList<IPNetwork> allowed)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(allowed);
        if (http.Connection.RemoteIpAddress is not { } address || http.Request.Headers.ContainsKey("X-Forwarded-For"))
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return allowed.Any(network => network.Contains(address));
    }

    public static IReadOnlyList<IPNetwork> AllowedNetworks(TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] networks = options.MetricsAllowedNetworks ?? ["127.0.0.0/8", "::1/128"];
        return [.. networks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n =>
            IPNetwork.TryParse(n.Trim(), out var network)
                ? network
                : throw new InvalidOperationException($"{TelemetryOptions.Section}:MetricsAllowedNetworks: '{n}' is not a network in CIDR notation (such as 10.0.0.0/8 or ::1/128)."))];
    }
}
