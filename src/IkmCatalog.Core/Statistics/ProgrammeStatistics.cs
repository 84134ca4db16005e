using System.Linq.Expressions;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Producers;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Statistics;

/// <summary>Whose figures: the public's (published producers and products only) or the office's (every record).</summary>
public enum StatisticsScope
{
    Public = 0,
    Office = 1,
}

/// <summary>One bar: a group's label in both languages and how many it holds.</summary>
public sealed record LabelCount(string Key, LocalizedText Label, int Count);

/// <summary>How many producers and products hold a verified certificate of one type that is valid today.</summary>
public sealed record CertificationCoverage(CertificationType Type, int Producers, int Products);

/// <summary>Where the programme stands today: producers by status, sector and region, certificates, curation, export.</summary>
public sealed record ProgrammeFigures(
    DateOnly Today,
    int Producers,
    IReadOnlyList<LabelCount> ByStatus,
    IReadOnlyList<LabelCount> BySector,
    IReadOnlyList<LabelCount> ByProvince,
    IReadOnlyList<LabelCount> ByRegion,
    int Products,
    IReadOnlyList<CertificationCoverage> Coverage,
    int CuratedProducts,
    IReadOnlyList<LabelCount> CuratedByGrade,
    int ExportReadyProducts);

/// <summary>One calendar month of the office's time zone: how many, and an amount in rupiah where one applies.</summary>
public sealed record MonthFigure(int Year, int Month, int Count, long AmountIdr);

/// <summary>The office's activity month by month: requests for quotation, orders and registrations.</summary>
public sealed record ActivityFigures(
    DateOnly FirstMonth,
    DateOnly LastMonth,
    IReadOnlyList<MonthFigure> Inquiries,
    IReadOnlyList<MonthFigure> OrdersPlaced,
    IReadOnlyList<MonthFigure> OrdersPaid,
    IReadOnlyList<MonthFigure> Applications);

/// <summary>
/// The figures offices report ("1,000 registered, 300 fostered", "55 IKM curated", "120 halal certificates"), each
/// counted by the database: nothing here loads the rows it counts.
/// </summary>
public sealed class ProgrammeStatistics(IkmDbContext db, OfficeTime time)
{
    /// <summary>The certificate types buyers ask for, in the order the office reports them.</summary>
    public static readonly IReadOnlyList<CertificationType> ReportedTypes =
        [CertificationType.Pirt, CertificationType.Bpom, CertificationType.Halal, CertificationType.Sni];

    /// <summary>The longest period the activity figures cover, in months.</summary>
    public const int MaxMonths = 36;

    /// <summary>
    /// A certificate of <paramref name="type"/> that counts: the public rule (<see cref="Certification.PublicOn"/>:
    /// verified by an officer, not rejected since, not expired on the office's <paramref name="today"/>).
    /// Entered-but-unchecked and refused certificates never count.
    /// </summary>
    public static Expression<Func<Certification, bool>> VerifiedAndValidOn(CertificationType type, DateOnly today) =>
        c => c.Type == type && c.VerifiedAtUtc != null && c.RejectedAtUtc == null && (c.ExpiresOn == null || c.ExpiresOn >= today);

    public async Task<ProgrammeFigures> ProgrammeAsync(StatisticsScope scope, CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow;
        var today = time.Today;
        var producers = scope == StatisticsScope.Public ? db.Producers.Published(now) : db.Producers;
        var products = scope == StatisticsScope.Public ? db.PublicProducts(now) : db.Products;
        producers = producers.AsNoTracking();
        products = products.AsNoTracking();

        var byStatus = await producers.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var statusRows = Enum.GetValues<ProducerStatus>()
            .Select(s => new LabelCount(s.ToString().ToLowerInvariant(), new LocalizedText(s.ToString(), null), byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0))
            .ToList();

        var sectors = await producers.GroupBy(p => p.Sector.Indonesian)
            .Select(g => new { g.Key, English = g.Max(p => p.Sector.English), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var provinces = await producers.GroupBy(p => p.Region.Province).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var regions = await producers.GroupBy(p => new { p.RegionId, p.Region.Slug, p.Region.Name, p.Region.Province })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var coverage = new List<CertificationCoverage>();
        foreach (var type in ReportedTypes)
        {
            var held = VerifiedAndValidOn(type, today);
            // A producer's own certificate covers everything it makes; a product's covers the product and shows
            // that its producer holds one.
            var heldProducts = products.Where(p => p.Certifications.AsQueryable().Any(held) || p.Producer.Certifications.AsQueryable().Any(held));
            var producerCount = await producers.CountAsync(
                p => p.Certifications.AsQueryable().Any(held) || products.Any(pr => pr.ProducerId == p.Id && pr.Certifications.AsQueryable().Any(held)),
                cancellationToken);
            coverage.Add(new CertificationCoverage(type, producerCount, await heldProducts.CountAsync(cancellationToken)));
        }

        var grades = await products.Where(p => p.CuratedOn != null).GroupBy(p => p.CurationGrade)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        return new ProgrammeFigures(
            today,
            await producers.CountAsync(cancellationToken),
            statusRows,
            [.. sectors.Where(s => !string.IsNullOrWhiteSpace(s.Key)).OrderByDescending(s => s.Count).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new LabelCount(s.Key, new LocalizedText(s.Key, s.English), s.Count))
                .Concat(sectors.Where(s => string.IsNullOrWhiteSpace(s.Key)).Select(s => new LabelCount("", new LocalizedText("", null), s.Count)))],
            [.. provinces.OrderByDescending(p => p.Count).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new LabelCount(p.Key, new LocalizedText(p.Key, null), p.Count))],
            [.. regions.OrderByDescending(r => r.Count).ThenBy(r => r.Key.Name, StringComparer.Ordinal)
                .Select(r => new LabelCount(r.Key.Slug, new LocalizedText($"{r.Key.Name}, {r.Key.Province}", null), r.Count))],
            await products.CountAsync(cancellationToken),
            coverage,
            grades.Sum(g => g.Count),
            [.. grades.OrderBy(g => g.Key ?? "~", StringComparer.Ordinal)
                .Select(g => new LabelCount(g.Key ?? "", new LocalizedText(g.Key ?? "", null), g.Count))],
            await products.CountAsync(p => p.ExportReady, cancellationToken));
    }

    /// <summary>
    /// Month by month from <paramref name="firstMonth"/> to <paramref name="lastMonth"/> (both inclusive, any day of
    /// the month; at most <see cref="MaxMonths"/>), in the office's time zone: inquiries received, orders placed,
    /// orders paid with their value (refunded ones left out) and registrations submitted.
    /// </summary>
    public async Task<ActivityFigures> ActivityAsync(DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken = default)
    {
        var months = Months(firstMonth, lastMonth);
        var starts = months.Select(time.StartOfDayUtc).Append(time.StartOfDayUtc(months[^1].AddMonths(1))).ToArray();
        var (from, until) = (starts[0], starts[^1]);

        var inquiries = await ByMonth(db.Inquiries.AsNoTracking().Where(i => i.CreatedAtUtc >= from && i.CreatedAtUtc < until), i => i.CreatedAtUtc, starts)
            .Select(g => new MonthTotal(g.Key, g.Count(), 0)).ToListAsync(cancellationToken);
        var placed = await ByMonth(db.Orders.AsNoTracking().Where(o => o.CreatedAtUtc >= from && o.CreatedAtUtc < until), o => o.CreatedAtUtc, starts)
            .Select(g => new MonthTotal(g.Key, g.Count(), g.Sum(o => o.TotalIdr))).ToListAsync(cancellationToken);
        var paid = await ByMonth(db.Orders.AsNoTracking().Where(o => o.PaidAtUtc >= from && o.PaidAtUtc < until && o.Status != OrderStatus.Refunded), o => o.PaidAtUtc!.Value, starts)
            .Select(g => new MonthTotal(g.Key, g.Count(), g.Sum(o => o.TotalIdr))).ToListAsync(cancellationToken);
        var applications = await ByMonth(db.ProducerApplications.AsNoTracking().Where(a => a.SubmittedAtUtc >= from && a.SubmittedAtUtc < until), a => a.SubmittedAtUtc, starts)
            .Select(g => new MonthTotal(g.Key, g.Count(), 0)).ToListAsync(cancellationToken);

        return new ActivityFigures(months[0], months[^1], Figures(months, inquiries), Figures(months, placed), Figures(months, paid), Figures(months, applications));
    }

    /// <summary>The first days of the months from one to the other, at most <see cref="MaxMonths"/> (the latest ones).</summary>
    public static IReadOnlyList<DateOnly> Months(DateOnly firstMonth, DateOnly lastMonth)
    {
        var first = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        var last = new DateOnly(lastMonth.Year, lastMonth.Month, 1);
        if (last < first)
        {
            (first, last) = (last, first);
        }
        if (first < last.AddMonths(-(MaxMonths - 1)))
        {
            first = last.AddMonths(-(MaxMonths - 1));
        }
        var months = new List<DateOnly>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            months.Add(month);
        }
        return months;
    }

    private sealed record MonthTotal(int Index, int Count, long Amount);

    private static List<MonthFigure> Figures(IReadOnlyList<DateOnly> months, List<MonthTotal> totals) =>
        [.. months.Select((m, i) => totals.FirstOrDefault(t => t.Index == i) is { } t ? new MonthFigure(m.Year, m.Month, t.Count, t.Amount) : new MonthFigure(m.Year, m.Month, 0, 0))];

    /// <summary>
    /// Rows grouped by the index of their month: the month is a CASE over the months' UTC starts, so the database
    /// does the bucketing exactly (daylight saving or not), on SQLite and PostgreSQL alike, in one query.
    /// </summary>
    private static IQueryable<IGrouping<int, T>> ByMonth<T>(IQueryable<T> rows, Expression<Func<T, DateTime>> at, DateTime[] starts)
    {
        Expression index = Expression.Constant(starts.Length - 2);
        for (var k = starts.Length - 2; k >= 1; k--)
        {
            index = Expression.Condition(Expression.LessThan(at.Body, Expression.Constant(starts[k])), Expression.Constant(k - 1), index);
        }
        return rows.GroupBy(Expression.Lambda<Func<T, int>>(index, at.Parameters));
    }
}
