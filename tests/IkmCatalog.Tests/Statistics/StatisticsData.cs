using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Producers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Statistics;

/// <summary>Records the statistics tests add beside the seeded ones: a producer nobody may see yet, in a region of its own.</summary>
internal static class StatisticsData
{
    public static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<IkmDbContext, Task<T>> work)
    {
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<IkmDbContext>());
    }

    /// <summary>
    /// An unpublished producer in a new region and province, with a product, a verified halal certificate and an
    /// unverified PIRT on it: counted by the office, never by the public.
    /// </summary>
    public static Task<Producer> AddHiddenProducerAsync(IServiceProvider services, string province, string name = "Keripik Uji Statistik", string? whatsApp = null) =>
        WithDbAsync(services, async db =>
        {
            var now = DateTime.UtcNow;
            var suffix = Guid.NewGuid().ToString("N")[..10];
            var region = new Region { Slug = "kab-uji-" + suffix, Name = "Kabupaten Uji " + suffix, Province = province };
            var producer = new Producer
            {
                Name = name, Slug = "uji-stat-" + suffix, Region = region, Sector = new LocalizedText("10794 Industri uji statistik " + suffix, "10794 Statistics test industry"),
                Status = ProducerStatus.Fostered, State = PublishState.Draft, WhatsApp = whatsApp, CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            var product = new Product
            {
                Producer = producer, Slug = "uji-stat-produk-" + suffix, Name = new LocalizedText("Produk uji " + suffix, null),
                CategoryId = (await db.Categories.FirstAsync()).Id, State = PublishState.Published, ExportReady = true, CurationGrade = "A",
                CuratedOn = DateOnly.FromDateTime(now), CreatedAtUtc = now, UpdatedAtUtc = now, PublishedAtUtc = now,
            };
            db.Producers.Add(producer);
            db.Products.Add(product);
            db.Certifications.Add(new Certification
            {
                Type = CertificationType.Halal, Number = "ID00410000123450226", Issuer = "BPJPH", IssuedOn = new DateOnly(2025, 2, 1),
                Producer = producer, VerifiedBy = "petugas", VerifiedAtUtc = now,
            });
            db.Certifications.Add(new Certification
            {
                Type = CertificationType.Pirt, Number = "2063573010123-26", Issuer = "Dinas Kesehatan", IssuedOn = new DateOnly(2024, 1, 1),
                ExpiresOn = new DateOnly(2030, 1, 1), Product = product,
            });
            await db.SaveChangesAsync();
            return producer;
        });
}
