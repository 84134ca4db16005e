using System.Globalization;
using IkmCatalog.Backoffice;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Areas.Backoffice.Certificates;

/// <summary>Who works in the registry and the gap view, and who may verify or reject.</summary>
public static class CertificateRoles
{
    public const string Programme = IkmCatalog.Backoffice.EditorRoles.Programme;

    public const string Curators = IkmCatalog.Backoffice.EditorRoles.Curators;
}

/// <summary>The registry's filters, all optional.</summary>
public sealed class CertificateFilter
{
    /// <summary>pirt, bpom, halal, sni or other.</summary>
    public string? Type { get; set; }

    /// <summary>waiting, verified, rejected, expiring (within 90 days) or expired.</summary>
    public string? State { get; set; }

    public int? Producer { get; set; }

    /// <summary>Region slug.</summary>
    public string? Region { get; set; }

    public int Page { get; set; } = 1;

    public static readonly IReadOnlyList<string> States = ["waiting", "verified", "rejected", "expiring", "expired"];

    public Dictionary<string, string> ToRoute(string? state = null, int? page = null)
    {
        var values = new Dictionary<string, string>();
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }
        Put("type", Type);
        Put("state", state ?? State);
        Put("producer", Producer?.ToString(CultureInfo.InvariantCulture));
        Put("region", Region);
        Put("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null);
        return values;
    }
}

public sealed record CertificateListViewModel(
    IReadOnlyList<Certification> Rows, CertificateFilter Filter, IReadOnlyDictionary<string, int> Counts, int Total, int Page, int Pages,
    IReadOnlyList<(int Id, string Name)> Producers, IReadOnlyList<(string Slug, string Name)> Regions, DateOnly Today);

public static class CertificateList
{
    public static async Task<CertificateListViewModel> BuildAsync(IkmDbContext db, CertificateFilter filter, DateOnly today, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Certifications.AsNoTracking();
        if (Certification.FromCode(filter.Type) is { } type)
        {
            query = query.Where(c => c.Type == type);
        }
        if (filter.Producer is { } producer)
        {
            query = query.Where(c => c.ProducerId == producer || (c.Product != null && c.Product.ProducerId == producer));
        }
        if (!string.IsNullOrEmpty(filter.Region))
        {
            query = query.Where(c => (c.Producer != null && c.Producer.Region.Slug == filter.Region)
                || (c.Product != null && c.Product.Producer.Region.Slug == filter.Region));
        }
        var counts = new Dictionary<string, int>();
        foreach (var state in CertificateFilter.States)
        {
            counts[state] = await InState(query, state, today).CountAsync(cancellationToken);
        }
        if (filter.State is { } chosen && CertificateFilter.States.Contains(chosen))
        {
            query = InState(query, chosen, today);
        }
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        // Soonest expiry first: what needs attention comes first.
        var rows = await query.OrderBy(c => c.ExpiresOn == null).ThenBy(c => c.ExpiresOn).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Include(c => c.Product).ThenInclude(p => p!.Producer).ThenInclude(p => p.Region)
            .Include(c => c.Producer).ThenInclude(p => p!.Region)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var producers = (await db.Producers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name)).ToList();
        var regions = (await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Slug, r.Name }).ToListAsync(cancellationToken))
            .Select(r => (r.Slug, r.Name)).ToList();
        return new CertificateListViewModel(rows, filter, counts, total, page, pages, producers, regions, today);
    }

    /// <summary>The registry's states as queries; the same meaning as <see cref="CertificateRegistry.StateCode"/> (and "expiring" besides).</summary>
    public static IQueryable<Certification> InState(IQueryable<Certification> query, string state, DateOnly today)
    {
        var soon = today.AddDays(Certification.ExpiringSoonDays);
        return state switch
        {
            "waiting" => query.Where(c => c.VerifiedAtUtc == null && c.RejectedAtUtc == null && (c.ExpiresOn == null || c.ExpiresOn >= today)),
            "verified" => query.Where(c => c.VerifiedAtUtc != null && c.RejectedAtUtc == null && (c.ExpiresOn == null || c.ExpiresOn >= today)),
            "rejected" => query.Where(c => c.RejectedAtUtc != null),
            "expiring" => query.Where(c => c.RejectedAtUtc == null && c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= soon),
            "expired" => query.Where(c => c.RejectedAtUtc == null && c.ExpiresOn != null && c.ExpiresOn < today),
            _ => query,
        };
    }
}

/// <summary>A certificate as the office types it; Owner is "product:{id}" or "producer:{id}" (only when adding).</summary>
public sealed class CertificateForm
{
    public string? Owner { get; set; }

    public string? Type { get; set; }

    public string? Number { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public static CertificateForm From(Certification c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new() { Type = Certification.Code(c.Type), Number = c.Number, Issuer = c.Issuer, IssuedOn = c.IssuedOn, ExpiresOn = c.ExpiresOn };
    }

    public (int? ProductId, int? ProducerId) OwnerIds()
    {
        var parts = (Owner ?? "").Split(':', 2);
        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return parts[0] switch { "product" => (id, null), "producer" => (null, id), _ => (null, null) };
        }
        return (null, null);
    }

    /// <summary>An unknown type code becomes an undefined type, which the registry refuses as missing.</summary>
    public CertificateInput ToInput(int? productId, int? producerId) =>
        new(Certification.FromCode(Type) ?? (CertificationType)(-1), Number, Issuer, IssuedOn, ExpiresOn, productId, producerId);
}

public sealed record OwnerOption(string Value, string Name, string? ProducerName);

public sealed record CertificateFormViewModel(
    CertificateForm Form, Certification? Certificate, IReadOnlyList<OwnerOption> Owners, IReadOnlyDictionary<CertificationType, string> NumberExamples,
    bool CanReview, DateOnly Today, OfficeTime Time);
