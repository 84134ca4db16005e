using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Certifications;

/// <summary>How many applicable products lack a type, and how many producers make at least one of them.</summary>
public sealed record GapCell(int ProductsLacking, int ProducersLacking, int ProductsApplicable);

/// <summary>One row of a gap table: a sector or a region, a cell per type.</summary>
public sealed record GapRow(string Label, IReadOnlyDictionary<CertificationType, GapCell> Cells);

/// <summary>A producer to invite to a facilitation programme for one certificate type.</summary>
public sealed record GapInvitee(
    int ProducerId, string Name, string Region, string Sector, string? WhatsApp, string? Email, string? Address, IReadOnlyList<string> ProductsLacking);

public sealed record GapReport(
    IReadOnlyList<GapRow> BySector, IReadOnlyList<GapRow> ByRegion, GapRow Total, CertificationType Type, IReadOnlyList<GapInvitee> Invitees,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Regions);

/// <summary>
/// Which producers and products lack PIRT, BPOM, Halal or SNI, to plan facilitation (a free halal-certification
/// quota, a PIRT counselling day). The rule, kept simple on purpose:
/// <list type="bullet">
/// <item>PIRT, BPOM and Halal apply to food and drink: products of producers whose sector is KBLI division 10 (food)
/// or 11 (beverages). A BPOM registration also counts as having PIRT (it supersedes it).</item>
/// <item>SNI applies to every product: mandatory only for some goods, it is a facilitation target for all.</item>
/// <item>A product has a type when it or its producer holds a certificate of that type that the public would see
/// (verified and valid today, <see cref="Certification.IsPublicOn"/>): waiting, rejected and expired ones are gaps.</item>
/// <item>Withdrawn (unpublished) products and producers are left out; drafts count, they are real businesses.</item>
/// </list>
/// </summary>
public sealed class CertificateGaps(IkmDbContext db)
{
    public static readonly IReadOnlyList<CertificationType> Types = [CertificationType.Pirt, CertificationType.Bpom, CertificationType.Halal, CertificationType.Sni];

    /// <summary>Food and drink: KBLI division 10 or 11 at the start of the sector text ("KBLI 10794 – Industri Kerupuk…").</summary>
    public static bool IsFood(string? sector)
    {
        var text = sector?.Trim() ?? "";
        if (text.StartsWith("KBLI", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..].TrimStart();
        }
        return text.StartsWith("10", StringComparison.Ordinal) || text.StartsWith("11", StringComparison.Ordinal);
    }

    public static bool Applies(CertificationType type, bool food) => type == CertificationType.Sni || food;

    /// <summary>Whether these certificates (a product's and its producer's) cover <paramref name="type"/> today.</summary>
    public static bool Covers(IEnumerable<Certification> certificates, CertificationType type, DateOnly today) =>
        certificates.Any(c => c.IsPublicOn(today) && (c.Type == type || (type == CertificationType.Pirt && c.Type == CertificationType.Bpom)));

    public async Task<GapReport> BuildAsync(DateOnly today, CertificationType type, string? sector, string? region, CancellationToken cancellationToken = default)
    {
        var products = await db.Products.AsNoTracking().AsSplitQuery()
            .Where(p => p.State != PublishState.Unpublished && p.Producer.State != PublishState.Unpublished)
            .Include(p => p.Certifications)
            .Include(p => p.Producer).ThenInclude(p => p.Region)
            .Include(p => p.Producer).ThenInclude(p => p.Certifications)
            .OrderBy(p => p.Producer.Name).ThenBy(p => p.Name.Indonesian).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var sectors = products.Select(p => p.Producer.Sector.Indonesian).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var regions = products.Select(p => p.Producer.Region.Name).Distinct().Order(StringComparer.Ordinal).ToList();

        var rows = products
            .Where(p => string.IsNullOrEmpty(sector) || p.Producer.Sector.Indonesian == sector)
            .Where(p => string.IsNullOrEmpty(region) || p.Producer.Region.Name == region)
            .Select(p =>
            {
                var food = IsFood(p.Producer.Sector.Indonesian);
                var held = p.Certifications.Concat(p.Producer.Certifications).ToList();
                var lacking = Types.Where(t => Applies(t, food) && !Covers(held, t, today)).ToHashSet();
                return (Product: p, Food: food, Lacking: lacking);
            }).ToList();

        GapRow Row(string label, IEnumerable<(Catalog.Product Product, bool Food, HashSet<CertificationType> Lacking)> group)
        {
            var list = group.ToList();
            return new GapRow(label, Types.ToDictionary(t => t, t => new GapCell(
                list.Count(r => r.Lacking.Contains(t)),
                list.Where(r => r.Lacking.Contains(t)).Select(r => r.Product.ProducerId).Distinct().Count(),
                list.Count(r => Applies(t, r.Food)))));
        }

        var invitees = rows.Where(r => r.Lacking.Contains(type)).GroupBy(r => r.Product.ProducerId)
            .Select(g => (Producer: g.First().Product.Producer, Products: g.Select(r => r.Product.Name.Indonesian).ToList()))
            .Select(g => new GapInvitee(g.Producer.Id, g.Producer.Name, g.Producer.Region.Name, g.Producer.Sector.Indonesian, g.Producer.WhatsApp,
                g.Producer.Email, g.Producer.Address, g.Products))
            .OrderBy(i => i.Region, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();

        return new GapReport(
            [.. rows.GroupBy(r => r.Product.Producer.Sector.Indonesian).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g))],
            [.. rows.GroupBy(r => r.Product.Producer.Region.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g))],
            Row("", rows), type, invitees, sectors, regions);
    }
}
