using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Areas.Backoffice.Audit;

/// <summary>The log's filters as the query string carries them; dates are the office's calendar days, both inclusive.</summary>
public sealed record AuditFilter(string? User, string? Type, DateOnly? From, DateOnly? To);

public sealed record AuditLogViewModel(
    IReadOnlyList<AuditEntry> Entries,
    int Page,
    int Pages,
    int Total,
    AuditFilter Filter,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Types);

/// <summary>Who did what to which document, newest first; read-only, and only for the people who publish.</summary>
[Route("backoffice/audit")]
[Authorize(Roles = $"{EditorRoles.Admin},{EditorRoles.Editor}")]
public sealed class AuditController(IkmDbContext db, OfficeTime time) : BackofficeController
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? user, string? type, DateOnly? from, DateOnly? to, int page = 1, CancellationToken cancellationToken = default)
    {
        var filter = new AuditFilter(Blank(user), Blank(type), from, to);
        var query = db.AuditEntries.AsNoTracking();
        if (filter.User is { } who)
        {
            query = query.Where(a => a.User == who);
        }
        if (filter.Type is { } what)
        {
            query = query.Where(a => a.DocumentType == what);
        }
        if (filter.From is { } first)
        {
            var start = time.StartOfDayUtc(first);
            query = query.Where(a => a.AtUtc >= start);
        }
        if (filter.To is { } last)
        {
            var end = time.StartOfDayUtc(last.AddDays(1));
            query = query.Where(a => a.AtUtc < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var entries = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var users = await db.AuditEntries.Select(a => a.User).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);
        var types = await db.AuditEntries.Select(a => a.DocumentType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        return View(new AuditLogViewModel(entries, page, pages, total, filter, users, types));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
