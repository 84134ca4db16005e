using IkmCatalog.Web.Api;
using IkmCatalog.Web.Areas.Backoffice;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Media;

var builder = WebApplication.CreateBuilder(args);

builder.AddIkmCore();     // data folder, DbContext (SQLite or PostgreSQL), media store, Markdown, seeding
builder.AddIkmWeb();      // MVC, theming, localization, security headers, error pages
builder.AddBackoffice();  // editors' accounts (Identity), sign-in with lockout
builder.AddIkmMedia();    // image endpoint and tag helper
builder.AddDeliveryApi(); // OpenAPI document

var app = builder.Build();

await app.PrepareDatabaseAsync();   // migrations, then demo content on an empty database
await app.PrepareBackofficeAsync(); // roles, and the configured first administrator

if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args); // e.g. create-editor: do the work and exit
}

app.UseIkmWeb();
app.MapMedia();
app.MapDeliveryApi();
app.MapPublicSite();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
