using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Areas.Backoffice.Dashboard;

public sealed record TypeCount(DocumentType Type, int Published, int Other);

/// <summary>A document on a dashboard list, with when and by whom.</summary>
public sealed record DashboardItem(DocumentType Type, DocumentRef Document, DateTime AtUtc, string? By, string? Note);

public sealed record QualityIssue(DocumentRef Product, IReadOnlyList<string> Issues);

public sealed record DashboardViewModel(
    string DisplayName,
    IReadOnlyList<TypeCount> Counts,
    int MediaItems,
    int ExpiringCertifications,
    IReadOnlyList<DashboardItem> Queue,
    IReadOnlyList<DashboardItem> Scheduled,
    IReadOnlyList<DashboardItem> RecentlyPublished,
    IReadOnlyList<QualityIssue> Quality,
    IReadOnlyList<(AuditEntry Entry, DocumentType? Type, DocumentRef? Document)> RecentActivity,
    OfficeTime Time)
{
    /// <summary>Certificates expiring within 90 days or expired, soonest first; null for people outside the registry.</summary>
    public IReadOnlyList<IkmCatalog.Certifications.Certification>? CertificateAlerts { get; init; }
}

[Route("backoffice")]
public sealed class DashboardController(IkmDbContext db, OfficeTime time) : BackofficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = time.Today;
        var soon = today.AddDays(IkmCatalog.Certifications.Certification.ExpiringSoonDays);
        var editor = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == UserName, cancellationToken);
        var counts = new List<TypeCount>();
        foreach (var type in DocumentTypes.All)
        {
            var (published, other) = await type.CountAsync(db, cancellationToken);
            counts.Add(new TypeCount(type, published, other));
        }

        var sent = await db.ContentVersions.AsNoTracking()
            .Where(v => v.State == VersionState.Draft && v.Review == ReviewState.Pending).OrderBy(v => v.ReviewedAtUtc).Take(50).ToListAsync(cancellationToken);
        var queue = await ItemsAsync(sent.Select(v => (v.DocumentType, v.DocumentId, v.ReviewedAtUtc ?? v.CreatedAtUtc, v.ReviewedBy, (string?)null)), cancellationToken);
        var scheduled = await ItemsAsync((await db.ScheduledActions.AsNoTracking().Where(a => a.CompletedAtUtc == null)
            .OrderBy(a => a.DueAtUtc).Take(50).ToListAsync(cancellationToken))
            .Select(a => (a.DocumentType, a.DocumentId, a.DueAtUtc, (string?)a.CreatedBy, (string?)a.Action)), cancellationToken);
        var recent = await ItemsAsync((await db.AuditEntries.AsNoTracking().Where(a => a.Action == "publish")
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(10).ToListAsync(cancellationToken))
            .Select(a => (a.DocumentType, a.DocumentId, a.AtUtc, (string?)a.User, a.Detail)), cancellationToken);

        var products = await db.Products.AsNoTracking().Where(p => p.State == PublishState.Published)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Name,
                NoEnglish = p.Name.English == null || p.Name.English == "" || p.Summary.English == null || p.Summary.English == "",
                NoImage = !p.Images.Any(),
                NoPrice = p.PriceIdr == null,
                Expired = p.Certifications.Any(c => c.ExpiresOn != null && c.ExpiresOn < today),
            })
            .Where(p => p.NoEnglish || p.NoImage || p.NoPrice || p.Expired).OrderBy(p => p.Name.Indonesian).Take(50).ToListAsync(cancellationToken);
        var quality = products.Select(p => new QualityIssue(new DocumentRef(DocumentTypes.Product.Name, p.Id, p.Slug, p.Name),
            [.. new[] { p.NoEnglish ? "english" : null, p.NoImage ? "image" : null, p.NoPrice ? "price" : null, p.Expired ? "expired" : null }.OfType<string>()])).ToList();

        var model = new DashboardViewModel(
            DisplayName: editor?.DisplayName is { Length: > 0 } name ? name : UserName,
            Counts: counts,
            MediaItems: await db.Media.CountAsync(cancellationToken),
            ExpiringCertifications: await db.Certifications.CountAsync(c => c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= soon, cancellationToken),
            Queue: queue,
            Scheduled: scheduled,
            RecentlyPublished: recent,
            Quality: quality,
            RecentActivity: await ActivityAsync(cancellationToken),
            Time: time)
        {
            CertificateAlerts = User.IsInRole(EditorRoles.Admin) || User.IsInRole(EditorRoles.Editor) || User.IsInRole(EditorRoles.Curator)
                ? await db.Certifications.AsNoTracking()
                    .Where(c => c.RejectedAtUtc == null && c.ExpiresOn != null && c.ExpiresOn <= soon)
                    .OrderBy(c => c.ExpiresOn).ThenBy(c => c.Id).Take(20)
                    .Include(c => c.Product).Include(c => c.Producer)
                    .ToListAsync(cancellationToken)
                : null,
        };
        return View(model);
    }

    /// <summary>The last actions, each with the document it concerns when that still exists.</summary>
    private async Task<List<(AuditEntry, DocumentType?, DocumentRef?)>> ActivityAsync(CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(10).ToListAsync(cancellationToken);
        var result = new List<(AuditEntry, DocumentType?, DocumentRef?)>();
        foreach (var entry in entries)
        {
            var type = DocumentTypes.Find(entry.DocumentType);
            result.Add((entry, type, type is null ? null : await type.FindRefAsync(db, entry.DocumentId, cancellationToken)));
        }
        return result;
    }

    private async Task<List<DashboardItem>> ItemsAsync(IEnumerable<(string Type, int Id, DateTime At, string? By, string? Note)> rows, CancellationToken cancellationToken)
    {
        var items = new List<DashboardItem>();
        foreach (var (typeName, id, at, by, note) in rows)
        {
            if (DocumentTypes.Find(typeName) is { } type && await type.FindRefAsync(db, id, cancellationToken) is { } document)
            {
                items.Add(new DashboardItem(type, document, at, by, note));
            }
        }
        return items;
    }
}
