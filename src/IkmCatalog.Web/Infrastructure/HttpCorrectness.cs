using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;

namespace IkmCatalog.Web.Infrastructure;

/// <summary>
/// HTTP as clients expect it: HEAD wherever GET works, OPTIONS answered with the allowed methods, API errors as
/// problem+json (see the errors controller), and a generous per-client budget for the HTML search and catalogue filters.
/// </summary>
public static class HttpCorrectness
{
    // The display name of the endpoint routing selects when the path matches but the method does not.
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    public static IHostApplicationBuilder AddHttpCorrectness(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<SearchRateLimitOptions>() ?? new();
        builder.Services.Configure<RateLimiterOptions>(options =>
        {
            // Searching and filtering the catalogue: generous, so people browse freely and only robots meet the limit.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSearchOrFilter(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        $"search:{context.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SearchPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            // Tell clients when to come back; the status code pages then show the 429 page or problem+json.
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>Before everything that writes a response: a HEAD request runs as the GET would, without its body.</summary>
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }
            // Every endpoint answers HEAD exactly as GET (status, headers, length); the body goes nowhere.
            context.Request.Method = HttpMethods.Get;
            var original = context.Features.Get<IHttpResponseBodyFeature>()!;
            using var counter = new CountingNullStream();
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(counter));
            try
            {
                await next(context);
            }
            finally
            {
                context.Features.Set(original);
                context.Request.Method = HttpMethods.Head;
            }
            if (!context.Response.HasStarted && context.Response.ContentLength is null && counter.Length > 0)
            {
                context.Response.ContentLength = counter.Length;
            }
        });
        return app;
    }

    /// <summary>
    /// After routing: OPTIONS answers 204 with the methods the URL takes; a 405 names HEAD beside GET (HEAD runs as GET).
    /// </summary>
    public static WebApplication UseAllowedMethods(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null
                || context.Features.Get<IExceptionHandlerPathFeature>() is not null)
            {
                await next(context); // an error page being shown keeps the status it shows
                return;
            }
            if (endpoint?.DisplayName == MethodNotAllowedEndpoint)
            {
                await endpoint.RequestDelegate!(context); // sets 405 and Allow
                AddHead(context.Response.Headers);
                if (HttpMethods.IsOptions(context.Request.Method))
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                }
                return;
            }
            if (HttpMethods.IsOptions(context.Request.Method) && endpoint is not null
                && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 })
            {
                // An endpoint that takes any method (conventional page routes): name the ones a page is used with.
                context.Response.Headers.Allow = "GET, HEAD, POST";
                AddHead(context.Response.Headers);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
            await next(context);
        });
        return app;
    }

    private static void AddHead(IHeaderDictionary headers)
    {
        var allow = headers.Allow.ToString();
        var methods = allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (methods.Contains(HttpMethods.Get) && !methods.Contains(HttpMethods.Head))
        {
            methods.Insert(methods.IndexOf(HttpMethods.Get) + 1, HttpMethods.Head);
        }
        if (!methods.Contains(HttpMethods.Options))
        {
            methods.Add(HttpMethods.Options);
        }
        headers.Allow = string.Join(", ", methods);
    }

    /// <summary>The HTML search and the catalogue with filters (a query string), in both languages.</summary>
    private static bool IsSearchOrFilter(HttpContext context)
    {
        var routeName = context.GetEndpoint()?.Metadata.GetMetadata<RouteNameMetadata>()?.RouteName;
        return routeName switch
        {
            "search.id" or "search.en" => true,
            "catalog.id" or "catalog.en" => context.Request.QueryString.HasValue,
            _ => false,
        };
    }

    /// <summary>Counts what a HEAD request's GET would have written, and drops it.</summary>
    private sealed class CountingNullStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Position += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Position += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The search budget in the "IkmCatalog:RateLimits" section.</summary>
public sealed class SearchRateLimitOptions
{
    /// <summary>HTML searches and filtered catalogue pages per client address and minute.</summary>
    public int SearchPerMinute { get; set; } = 300;
}
