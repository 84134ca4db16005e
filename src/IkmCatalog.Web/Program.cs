using IkmCatalog.Web.Api;
using IkmCatalog.Web.Features;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Media;

var builder = WebApplication.CreateBuilder(args);

builder.AddIkmCore();     // data folder, DbContext (SQLite or PostgreSQL), media store, Markdown, seeding
builder.AddIkmWeb();      // MVC, theming, localization, security headers, error pages
builder.AddIkmMedia();    // image endpoint and tag helper
builder.AddDeliveryApi(); // OpenAPI document

var app = builder.Build();

await app.PrepareDatabaseAsync(); // migrations, then demo content on an empty database

app.UseIkmWeb();
app.MapMedia();
app.MapDeliveryApi();
app.MapPublicSite();

await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
