using IkmCatalog.Web.Api;
using IkmCatalog.Web.Areas.Backoffice;
using IkmCatalog.Web.Email;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Features.Events;
using IkmCatalog.Web.Features.Orders;
using IkmCatalog.Web.Features.Orders.Stripe;
using IkmCatalog.Web.Features.Search;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Infrastructure.Operations;
using IkmCatalog.Web.Infrastructure.OutputCaching;
using IkmCatalog.Web.Media;
using IkmCatalog.Web.Published;

var builder = WebApplication.CreateBuilder(args);

builder.AddIkmCore();     // data folder, DbContext (SQLite or PostgreSQL), media store, Markdown, seeding
builder.AddIkmWeb();      // MVC, theming, localization, security headers, error pages
builder.AddIkmOutputCache(); // public pages and API answers kept in memory, emptied on every node when content changes
builder.AddBackoffice();  // editors' accounts (Identity), sign-in with lockout
builder.AddIkmMedia();    // image endpoint and tag helper
builder.AddDeliveryApi(); // OpenAPI document
builder.AddIkmSearch();   // Lucene index kept in step through the index journal, search and suggestions
builder.AddPublishedContent(); // published content in memory for public pages, kept current through the node journal
builder.AddEmailOutbox(); // emails saved with the change that causes them, sent once by any node (SMTP or .eml files)
builder.AddOrderEmails(); // the buyer told of each order step in their language, the office of each payment
builder.AddStripePayments(); // Stripe Checkout and its webhook, only when IkmCatalog:Stripe keys are set
builder.AddOrders();      // cart, checkout by bank transfer, the buyer's order page, expiry of unpaid orders
builder.AddEventRegistrations(); // places at events, the waiting list moving up, the registrants' emails
builder.AddProxySupport();    // forwarded headers from trusted proxies, HTTPS redirection, host filtering
builder.AddHttpCorrectness(); // HEAD as GET, OPTIONS and 405 with Allow, problem+json API errors, search rate limit
builder.AddIkmHealth();       // /health/live and /health/ready
builder.AddIkmTelemetry(); // OpenTelemetry metrics (Prometheus at /metrics) and traces (OTLP when configured)
builder.AddIkmLogging();   // one JSON object per log line when IkmCatalog:Logging:Json is true

var app = builder.Build();

if (Commands.RunsBeforeDatabase(args))
{
    return await Commands.RunAsync(app, args); // restore: puts the database in place before anything opens it
}
await app.PrepareDatabaseAsync();   // migrations, then demo content on an empty database
await app.PrepareBackofficeAsync(remindWhenNoAccount: !Commands.IsCommand(args)); // roles, first administrator

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args); // reindex, create-editor: do the work and exit
}

app.UseIkmWeb();
app.MapIkmHealth();
app.MapMedia();
app.MapDeliveryApi();
app.MapMetrics();
app.MapSearchApi();
app.MapStripeWebhooks();
app.MapPublicSite();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
