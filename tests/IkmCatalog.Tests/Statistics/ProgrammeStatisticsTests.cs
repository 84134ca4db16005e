using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Inquiries;
using IkmCatalog.Orders;
using IkmCatalog.Producers;
using IkmCatalog.Statistics;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Statistics;

/// <summary>Every figure equals a count made here independently, over the rows loaded from the database.</summary>
[Collection(SiteCollection.Name)]
public class ProgrammeStatisticsTests(IkmWebFactory factory)
{
    internal sealed record Expected(
        int Producers, Dictionary<ProducerStatus, int> ByStatus, Dictionary<string, int> BySector, Dictionary<string, int> ByProvince,
        Dictionary<string, int> ByRegion, int Products, Dictionary<CertificationType, (int Producers, int Products)> Coverage,
        int Curated, Dictionary<string, int> ByGrade, int ExportReady);

    private Task<(ProgrammeFigures Figures, Expected Expected)> CountBothWaysAsync(StatisticsScope scope) => CountBothWaysAsync(factory.Services, scope);

    /// <summary>The figures from the service, and the same counted here over every row loaded.</summary>
    internal static async Task<(ProgrammeFigures Figures, Expected Expected)> CountBothWaysAsync(IServiceProvider root, StatisticsScope scope)
    {
        using var services = root.CreateScope();
        var db = services.ServiceProvider.GetRequiredService<IkmDbContext>();
        var time = services.ServiceProvider.GetRequiredService<OfficeTime>();
        var figures = await services.ServiceProvider.GetRequiredService<ProgrammeStatistics>().ProgrammeAsync(scope);

        var now = DateTime.UtcNow;
        var today = time.Today;
        var allProducers = await db.Producers.AsNoTracking().Include(p => p.Region).ToListAsync();
        var allProducts = await db.Products.AsNoTracking().ToListAsync();
        var certificates = await db.Certifications.AsNoTracking().ToListAsync();
        var producers = scope == StatisticsScope.Public ? allProducers.Where(p => p.IsPublic(now)).ToList() : allProducers;
        var producerIds = producers.Select(p => p.Id).ToHashSet();
        var products = scope == StatisticsScope.Public
            ? allProducts.Where(p => p.IsPublic(now) && producerIds.Contains(p.ProducerId)).ToList()
            : allProducts;

        bool Held(Certification c, CertificationType type) => c.Type == type && c.IsPublicOn(today);
        bool ProducerHolds(int producerId, CertificationType type) => certificates.Any(c => c.ProducerId == producerId && Held(c, type));
        bool ProductHolds(int productId, CertificationType type) => certificates.Any(c => c.ProductId == productId && Held(c, type));

        var expected = new Expected(
            producers.Count,
            producers.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count()),
            producers.GroupBy(p => p.Sector.Indonesian).ToDictionary(g => g.Key, g => g.Count()),
            producers.GroupBy(p => p.Region.Province).ToDictionary(g => g.Key, g => g.Count()),
            producers.GroupBy(p => p.Region.Slug).ToDictionary(g => g.Key, g => g.Count()),
            products.Count,
            ProgrammeStatistics.ReportedTypes.ToDictionary(t => t, t => (
                producers.Count(p => ProducerHolds(p.Id, t) || products.Any(pr => pr.ProducerId == p.Id && ProductHolds(pr.Id, t))),
                products.Count(pr => ProductHolds(pr.Id, t) || ProducerHolds(pr.ProducerId, t)))),
            products.Count(p => p.CuratedOn != null),
            products.Where(p => p.CuratedOn != null).GroupBy(p => p.CurationGrade ?? "").ToDictionary(g => g.Key, g => g.Count()),
            products.Count(p => p.ExportReady));
        return (figures, expected);
    }

    internal static void AssertEqual(Expected expected, ProgrammeFigures figures)
    {
        Assert.Equal(expected.Producers, figures.Producers);
        foreach (var status in Enum.GetValues<ProducerStatus>())
        {
            Assert.Equal(expected.ByStatus.GetValueOrDefault(status), figures.ByStatus.Single(s => string.Equals(s.Key, status.ToString(), StringComparison.OrdinalIgnoreCase)).Count);
        }
        Assert.Equal(expected.BySector.OrderBy(kv => kv.Key), figures.BySector.ToDictionary(s => s.Key, s => s.Count).OrderBy(kv => kv.Key));
        Assert.Equal(expected.ByProvince.OrderBy(kv => kv.Key), figures.ByProvince.ToDictionary(s => s.Key, s => s.Count).OrderBy(kv => kv.Key));
        Assert.Equal(expected.ByRegion.OrderBy(kv => kv.Key), figures.ByRegion.ToDictionary(s => s.Key, s => s.Count).OrderBy(kv => kv.Key));
        Assert.Equal(expected.Products, figures.Products);
        foreach (var coverage in figures.Coverage)
        {
            Assert.Equal(expected.Coverage[coverage.Type], (coverage.Producers, coverage.Products));
        }
        Assert.Equal(expected.Curated, figures.CuratedProducts);
        Assert.Equal(expected.ByGrade.OrderBy(kv => kv.Key), figures.CuratedByGrade.ToDictionary(g => g.Key, g => g.Count).OrderBy(kv => kv.Key));
        Assert.Equal(expected.ExportReady, figures.ExportReadyProducts);
        // Groups are largest first, as a report lists them.
        Assert.Equal(figures.ByProvince.Select(p => p.Count).OrderDescending(), figures.ByProvince.Select(p => p.Count));
    }

    [Fact]
    public async Task The_office_figures_equal_counts_over_every_record()
    {
        await StatisticsData.AddHiddenProducerAsync(factory.Services, "Provinsi Uji Kantor");

        var (figures, expected) = await CountBothWaysAsync(StatisticsScope.Office);

        AssertEqual(expected, figures);
        Assert.Contains(figures.ByProvince, p => p.Key == "Provinsi Uji Kantor" && p.Count == 1);
        Assert.True(figures.Coverage.Single(c => c.Type == CertificationType.Halal).Producers >= 1);
        Assert.True(figures.Products > 0 && figures.Producers > 0);
    }

    [Fact]
    public async Task The_public_figures_count_published_producers_and_products_only()
    {
        await StatisticsData.AddHiddenProducerAsync(factory.Services, "Provinsi Uji Publik");

        var (figures, expected) = await CountBothWaysAsync(StatisticsScope.Public);
        var (office, _) = await CountBothWaysAsync(StatisticsScope.Office);

        AssertEqual(expected, figures);
        Assert.DoesNotContain(figures.ByProvince, p => p.Key == "Provinsi Uji Publik");
        Assert.True(office.Producers > figures.Producers);
        Assert.True(office.Products > figures.Products);
    }

    [Fact]
    public async Task An_unverified_or_expired_certificate_does_not_count()
    {
        var producer = await StatisticsData.AddHiddenProducerAsync(factory.Services, "Provinsi Uji Sertifikat");
        var before = await CountBothWaysAsync(StatisticsScope.Office);
        await StatisticsData.WithDbAsync(factory.Services, async db =>
        {
            db.Certifications.Add(new Certification
            {
                Type = CertificationType.Sni, Number = "SNI 01-2891:1992", Issuer = "LSPro", IssuedOn = new DateOnly(2020, 1, 1),
                ExpiresOn = new DateOnly(2021, 1, 1), ProducerId = producer.Id, VerifiedBy = "petugas", VerifiedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var after = await CountBothWaysAsync(StatisticsScope.Office);

        AssertEqual(after.Expected, after.Figures);
        Assert.Equal(before.Figures.Coverage.Single(c => c.Type == CertificationType.Sni), after.Figures.Coverage.Single(c => c.Type == CertificationType.Sni));
        // The PIRT on its product is entered but not checked: the product is covered by its producer's halal only.
        Assert.Equal(before.Figures.Coverage.Single(c => c.Type == CertificationType.Pirt), after.Figures.Coverage.Single(c => c.Type == CertificationType.Pirt));
    }

    [Fact]
    public async Task Activity_is_counted_per_month_of_the_office_time_zone()
    {
        await AddActivityIn2011Async(factory.Services);

        await AssertActivityIn2011Async(factory.Services);
    }

    /// <summary>Inquiries, orders and a registration around month ends of 2011, a year no other test writes.</summary>
    internal static Task AddActivityIn2011Async(IServiceProvider root) =>
        // Jakarta is UTC+7: 31 January 2011 17:00 UTC is already 1 February in the office.
        StatisticsData.WithDbAsync(root, async db =>
        {
            var region = await db.Regions.FirstAsync();
            db.Inquiries.Add(NewInquiry(new DateTime(2011, 1, 31, 16, 59, 59, DateTimeKind.Utc)));
            db.Inquiries.Add(NewInquiry(new DateTime(2011, 1, 31, 17, 0, 0, DateTimeKind.Utc)));
            db.Inquiries.Add(NewInquiry(new DateTime(2011, 3, 15, 3, 0, 0, DateTimeKind.Utc)));
            db.Orders.Add(NewOrder(new DateTime(2011, 2, 10, 2, 0, 0, DateTimeKind.Utc), new DateTime(2011, 2, 28, 17, 30, 0, DateTimeKind.Utc), OrderStatus.Paid, 150_000));
            db.Orders.Add(NewOrder(new DateTime(2011, 2, 11, 2, 0, 0, DateTimeKind.Utc), new DateTime(2011, 2, 12, 2, 0, 0, DateTimeKind.Utc), OrderStatus.Refunded, 99_000));
            db.Orders.Add(NewOrder(new DateTime(2011, 2, 12, 2, 0, 0, DateTimeKind.Utc), new DateTime(2011, 2, 13, 2, 0, 0, DateTimeKind.Utc), OrderStatus.Completed, 80_000));
            db.Orders.Add(NewOrder(new DateTime(2011, 3, 1, 2, 0, 0, DateTimeKind.Utc), null, OrderStatus.Pending, 70_000));
            db.ProducerApplications.Add(new ProducerApplication
            {
                Reference = "REG-T-" + Guid.NewGuid().ToString("N")[..10], Token = PublicIds.NewToken(), BusinessName = "Usaha Uji", OwnerName = "Bu Uji",
                KbliCode = "10794", RegionId = region.Id, Address = "Jl. Uji", Capacity = "100 kg", Email = "uji@example.com", Phone = "0812",
                SubmittedAtUtc = new DateTime(2011, 3, 31, 18, 0, 0, DateTimeKind.Utc), UpdatedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

    internal static async Task AssertActivityIn2011Async(IServiceProvider root)
    {
        using var scope = root.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<OfficeTime>();
        var activity = await scope.ServiceProvider.GetRequiredService<ProgrammeStatistics>().ActivityAsync(new DateOnly(2011, 1, 1), new DateOnly(2011, 4, 30));

        (int, int) MonthOf(DateTime utc) => (time.ToLocal(utc).Year, time.ToLocal(utc).Month);
        var inquiries = (await db.Inquiries.AsNoTracking().ToListAsync()).GroupBy(i => MonthOf(i.CreatedAtUtc)).ToDictionary(g => g.Key, g => g.Count());
        var orders = await db.Orders.AsNoTracking().ToListAsync();
        var placed = orders.GroupBy(o => MonthOf(o.CreatedAtUtc)).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(o => o.TotalIdr)));
        var paid = orders.Where(o => o.PaidAtUtc != null && o.Status != OrderStatus.Refunded).GroupBy(o => MonthOf(o.PaidAtUtc!.Value))
            .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(o => o.TotalIdr)));
        var applications = (await db.ProducerApplications.AsNoTracking().ToListAsync()).GroupBy(a => MonthOf(a.SubmittedAtUtc)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([(2011, 1), (2011, 2), (2011, 3), (2011, 4)], activity.Inquiries.Select(m => (m.Year, m.Month)));
        Assert.Equal(activity.Inquiries.Select(m => inquiries.GetValueOrDefault((m.Year, m.Month))), activity.Inquiries.Select(m => m.Count));
        Assert.Equal(activity.OrdersPlaced.Select(m => placed.GetValueOrDefault((m.Year, m.Month))), activity.OrdersPlaced.Select(m => (m.Count, m.AmountIdr)));
        Assert.Equal(activity.OrdersPaid.Select(m => paid.GetValueOrDefault((m.Year, m.Month))), activity.OrdersPaid.Select(m => (m.Count, m.AmountIdr)));
        Assert.Equal(activity.Applications.Select(m => applications.GetValueOrDefault((m.Year, m.Month))), activity.Applications.Select(m => m.Count));
        // And the boundaries themselves: no other test writes 2011.
        Assert.Equal([1, 1, 1, 0], activity.Inquiries.Select(m => m.Count));
        Assert.Equal([(0, 0L), (1, 80_000L), (1, 150_000L), (0, 0L)], activity.OrdersPaid.Select(m => (m.Count, m.AmountIdr)));
        Assert.Equal([0, 0, 0, 1], activity.Applications.Select(m => m.Count));
    }

    [Fact]
    public void A_period_longer_than_the_limit_keeps_its_latest_months()
    {
        var months = ProgrammeStatistics.Months(new DateOnly(2020, 1, 15), new DateOnly(2026, 6, 3));

        Assert.Equal(ProgrammeStatistics.MaxMonths, months.Count);
        Assert.Equal(new DateOnly(2026, 6, 1), months[^1]);
        Assert.Equal(new DateOnly(2023, 7, 1), months[0]);
    }

    private static Inquiry NewInquiry(DateTime createdAtUtc) => new()
    {
        Reference = "RFQ-T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), Token = PublicIds.NewToken(), BuyerName = "Pembeli Uji",
        Country = "Indonesia", Email = "pembeli@example.com", Destination = "Jakarta", CreatedAtUtc = createdAtUtc, UpdatedAtUtc = createdAtUtc,
        ConsentAtUtc = createdAtUtc,
    };

    private static Order NewOrder(DateTime createdAtUtc, DateTime? paidAtUtc, OrderStatus status, long total) => new()
    {
        Reference = "ORD-T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), Token = PublicIds.NewToken(), Status = status,
        CustomerName = "Pembeli Uji", Email = "pembeli@example.com", Phone = "0812", AddressLine = "Jl. Uji", ProvinceCode = "31",
        ProvinceName = "DKI Jakarta", CityCode = "31.71", CityName = "Jakarta Pusat", PostalCode = "10110", SubtotalIdr = total, TotalIdr = total,
        CreatedAtUtc = createdAtUtc, UpdatedAtUtc = createdAtUtc, PaidAtUtc = paidAtUtc,
    };
}
