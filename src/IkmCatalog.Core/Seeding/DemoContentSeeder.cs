using System.Text.Json;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Media;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IkmCatalog.Seeding;

/// <summary>
/// Imports the demo catalogue from media-seed/ (JSON + images) into an empty database, so a fresh install shows
/// a real-looking site. Runs in one transaction: a failed import leaves the database empty and is retried on the
/// next start.
/// </summary>
public sealed class DemoContentSeeder(IkmDbContext db, MediaLibrary media, TimeProvider clock, ILogger<DemoContentSeeder> logger)
{
    private const string SeedUser = "seed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<bool> SeedIfEmptyAsync(string seedPath, CancellationToken cancellationToken = default)
    {
        if (await db.Regions.AnyAsync(cancellationToken) || await db.Products.AnyAsync(cancellationToken))
        {
            return false;
        }
        var started = clock.GetTimestamp();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var publisher = new ContentPublisher(db, clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var images = new Dictionary<string, MediaItem>(StringComparer.Ordinal);

        async Task<MediaItem?> Image(string? relative, LocalizedText alt)
        {
            if (string.IsNullOrEmpty(relative))
            {
                return null;
            }
            if (images.TryGetValue(relative, out var known))
            {
                return known;
            }
            var item = await ImportImageAsync(seedPath, relative, alt, cancellationToken);
            images[relative] = item;
            return item;
        }

        var regions = new Dictionary<string, Region>();
        foreach (var r in Read<SeedRegion>(seedPath, "regions.json"))
        {
            regions[r.Slug] = db.Regions.Add(new Region { Slug = r.Slug, Name = r.Name, Province = r.Province }).Entity;
        }

        var categories = new Dictionary<string, Category>();
        var seedCategories = Read<SeedCategory>(seedPath, "categories.json");
        foreach (var c in seedCategories)
        {
            categories[c.Slug] = new Category { Slug = c.Slug, Name = c.Name.ToLocalized(), Description = c.Description.ToLocalized(), SortOrder = c.SortOrder };
        }
        foreach (var c in seedCategories)
        {
            if (c.Parent is not null)
            {
                categories[c.Slug].Parent = categories[c.Parent];
            }
            db.Categories.Add(categories[c.Slug]);
        }

        foreach (var t in Read<SeedCertificationType>(seedPath, "certification-types.json"))
        {
            db.CertificationTypes.Add(new CertificationTypeInfo
            {
                Type = ParseCertificationType(t.Type),
                Name = t.Name.ToLocalized(),
                Issuer = t.Issuer.ToLocalized(),
                Description = t.Description.ToLocalized(),
                NumberExample = t.NumberExample,
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        var producers = new Dictionary<string, Producer>();
        foreach (var p in Read<SeedProducer>(seedPath, "producers.json"))
        {
            var producer = new Producer
            {
                Slug = p.Slug,
                Name = p.Name,
                Region = regions[p.Region],
                Sector = p.Sector.ToLocalized(),
                Nib = p.Nib,
                FoundedYear = p.FoundedYear,
                Workforce = p.Workforce,
                Capacity = p.Capacity.ToLocalized(),
                Association = p.Association,
                Status = Enum.Parse<ProducerStatus>(p.Status, ignoreCase: true),
                WhatsApp = p.Whatsapp,
                Email = p.Email,
                Address = p.Address,
                Summary = p.Summary.ToLocalized(),
                Story = p.Story.ToLocalized(),
                Image = await Image(p.Image, new LocalizedText(p.Name, p.Name)),
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                Certifications = [.. (p.Certifications ?? []).Select(c => ToCertification(c, clock.GetUtcNow().UtcDateTime))],
            };
            producers[p.Slug] = producer;
            db.Producers.Add(producer);
            if (p.Published)
            {
                await publisher.PublishAsync(producer, SeedUser, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var p in Read<SeedProduct>(seedPath, "products.json"))
        {
            var name = p.Name.ToLocalized();
            var product = new Product
            {
                Slug = p.Slug,
                Producer = producers[p.Producer],
                Category = categories[p.Category],
                Name = name,
                Summary = p.Summary.ToLocalized(),
                Description = p.Description.ToLocalized(),
                PriceIdr = p.PriceIdr,
                Unit = p.Unit.ToLocalized(),
                Retail = p.Retail,
                Moq = p.Moq,
                MoqUnit = p.MoqUnit.ToLocalized(),
                ExportReady = p.ExportReady,
                HsCode = p.HsCode,
                ShelfLifeDays = p.ShelfLifeDays,
                Packaging = p.Packaging.ToLocalized(),
                WeightGrams = p.WeightGrams,
                CurationGrade = p.CurationGrade,
                Availability = Enum.Parse<Availability>(p.Availability, ignoreCase: true),
                Featured = p.Featured,
                CreatedAtUtc = p.CreatedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                UpdatedAtUtc = now,
                Certifications = [.. (p.Certifications ?? []).Select(c => ToCertification(c, clock.GetUtcNow().UtcDateTime))],
            };
            var order = 0;
            foreach (var path in p.Images ?? [])
            {
                product.Images.Add(new ProductImage { MediaItem = (await Image(path, name))!, SortOrder = order++ });
            }
            db.Products.Add(product);
            if (p.Published)
            {
                product.PublishedAtUtc = product.CreatedAtUtc;
                await publisher.PublishAsync(product, SeedUser, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var s in Read<SeedStory>(seedPath, "stories.json"))
        {
            var title = s.Title.ToLocalized();
            var story = new Story
            {
                Slug = s.Slug,
                Kind = Enum.Parse<StoryKind>(s.Kind, ignoreCase: true),
                Title = title,
                Summary = s.Summary.ToLocalized(),
                Body = s.Body.ToLocalized(),
                Producer = s.Producer is null ? null : producers[s.Producer],
                Region = s.Region is null ? null : regions[s.Region],
                Image = await Image(s.Image, title),
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                PublishedAtUtc = s.PublishedOn.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
            };
            db.Stories.Add(story);
            if (s.Published)
            {
                await publisher.PublishAsync(story, SeedUser, cancellationToken);
            }
        }

        foreach (var e in Read<SeedEvent>(seedPath, "events.json"))
        {
            var title = e.Title.ToLocalized();
            var item = new Event
            {
                Slug = e.Slug,
                Kind = Enum.Parse<EventKind>(e.Kind, ignoreCase: true),
                Title = title,
                Summary = e.Summary.ToLocalized(),
                Body = e.Body.ToLocalized(),
                StartsAtUtc = e.StartsOn.UtcDateTime,
                EndsAtUtc = e.EndsOn.UtcDateTime,
                UtcOffsetMinutes = (int)e.StartsOn.Offset.TotalMinutes,
                Venue = e.Venue,
                Region = e.Region is null ? null : regions[e.Region],
                RegistrationUrl = e.RegistrationUrl,
                RegistrationMode = e.Registration is null ? EventRegistrationMode.None : Enum.Parse<EventRegistrationMode>(e.Registration, ignoreCase: true),
                Capacity = e.Capacity,
                Image = await Image(e.Image, title),
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            db.Events.Add(item);
            if (e.Published)
            {
                await publisher.PublishAsync(item, SeedUser, cancellationToken);
            }
        }

        foreach (var p in Read<SeedPage>(seedPath, "pages.json"))
        {
            var page = new Page { Slug = p.Slug, Title = p.Title.ToLocalized(), Body = p.Body.ToLocalized(), CreatedAtUtc = now, UpdatedAtUtc = now };
            db.Pages.Add(page);
            if (p.Published)
            {
                await publisher.PublishAsync(page, SeedUser, cancellationToken);
            }
        }

        // Example shipping fees (province x weight band); the office replaces them with its courier's.
        foreach (var r in Read<SeedShippingRate>(seedPath, "shipping-rates.json"))
        {
            db.ShippingRates.Add(new Orders.ShippingRate { ProvinceCode = r.ProvinceCode, MaxWeightGrams = r.MaxWeightGrams, FeeIdr = r.FeeIdr });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo content imported from {SeedPath}: {Producers} producers, {Products} products, {Images} images in {Elapsed} ms.",
            seedPath, producers.Count, await db.Products.CountAsync(cancellationToken), images.Count,
            (int)clock.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    /// <summary>The demo's certificates count as checked by the office, so the demo site shows its badges.</summary>
    private static Certification ToCertification(SeedCertification c, DateTime verifiedAtUtc) => new()
    {
        Type = ParseCertificationType(c.Type),
        Number = c.Number,
        Issuer = c.Issuer,
        IssuedOn = c.IssuedOn,
        ExpiresOn = c.ExpiresOn,
        EnteredBy = SeedUser,
        VerifiedBy = SeedUser,
        VerifiedAtUtc = verifiedAtUtc,
    };

    private static CertificationType ParseCertificationType(string type) =>
        Certification.FromCode(type) ?? throw new InvalidDataException($"Unknown certification type '{type}' in the seed.");

    /// <summary>Demo images go through the media library like any upload: same validation, same storage.</summary>
    private async Task<MediaItem> ImportImageAsync(string seedPath, string relative, LocalizedText alt, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(seedPath, relative));
        if (!path.StartsWith(Path.GetFullPath(seedPath), StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new InvalidDataException($"Seed image '{relative}' does not exist under {seedPath}.");
        }
        await using var file = File.OpenRead(path);
        var result = await media.UploadAsync(new MediaUpload(file, Path.GetFileName(path), SeedUser) { Alt = alt }, cancellationToken);
        return result.Item ?? throw new InvalidDataException($"Seed image '{relative}' was refused by the media library: {result.MessageKey}.");
    }

    private static List<T> Read<T>(string seedPath, string file)
    {
        var path = Path.Combine(seedPath, file);
        if (!File.Exists(path))
        {
            return [];
        }
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<T>>(stream, Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}
