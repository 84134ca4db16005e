using Microsoft.Extensions.Options;
using Stripe;

namespace IkmCatalog.Web.Features.Orders.Stripe;

public static class StripePayments
{
    public const string WebhookPath = "/stripe/webhook";

    /// <summary>
    /// Stripe Checkout as the online payment, when IkmCatalog:Stripe:SecretKey and WebhookSecret are both set; with
    /// neither, nothing is registered and checkout offers bank transfer only. One of the two alone stops start-up.
    /// </summary>
    public static IHostApplicationBuilder AddStripePayments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StripeOptions>()
            .BindConfiguration(StripeOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.SecretKey) == string.IsNullOrWhiteSpace(o.WebhookSecret),
                "Set both IkmCatalog:Stripe:SecretKey and IkmCatalog:Stripe:WebhookSecret to take payments online, or neither to take bank transfers only.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(StripeOptions.Section).Get<StripeOptions>() ?? new();
        if (!options.Configured)
        {
            return builder;
        }
        // One client for the whole application: it holds the HTTP connection pool.
        builder.Services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            return new StripeClient(configured.SecretKey, apiBase: string.IsNullOrWhiteSpace(configured.ApiBase) ? null : configured.ApiBase);
        });
        builder.Services.AddScoped<IOnlinePayment, StripeCheckout>();
        builder.Services.AddScoped<StripeWebhook>();
        return builder;
    }

    /// <summary>
    /// POST /stripe/webhook, where Stripe reports payments. No antiforgery token (Stripe signs the body instead) and
    /// no rate limit: Stripe's retries must always get through.
    /// </summary>
    public static IEndpointRouteBuilder MapStripeWebhooks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IOptions<StripeOptions>>().Value.Configured)
        {
            return app;
        }
        app.MapPost(WebhookPath, async (HttpRequest request, StripeWebhook webhook, CancellationToken cancellationToken) =>
            {
                // Stripe reads the status only; the site's error pages (a re-executed form page) would turn it into another.
                var statusPages = request.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>();
                if (statusPages is not null)
                {
                    statusPages.Enabled = false;
                }
                using var reader = new StreamReader(request.Body);
                var json = await reader.ReadToEndAsync(cancellationToken);
                var outcome = await webhook.HandleAsync(json, request.Headers["Stripe-Signature"].ToString(), cancellationToken);
                return outcome switch
                {
                    WebhookOutcome.Refused => Results.BadRequest(),
                    WebhookOutcome.StripeUnavailable => Results.StatusCode(StatusCodes.Status500InternalServerError),
                    _ => Results.Ok(),
                };
            })
            .DisableAntiforgery()
            .DisableRateLimiting()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(1024 * 1024));
        return app;
    }
}
