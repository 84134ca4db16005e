using System.Linq.Expressions;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Events;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using IkmCatalog.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Areas.Backoffice.Content;

/// <summary>The backoffice list of one document type: search, filters, sort and paging, as SQL.</summary>
public static class ContentList
{
    public const int PageSize = 30;

    public static async Task<(List<ContentListRow> Rows, int Total, int Page)> FindAsync(IkmDbContext db, DocumentType type, ContentListQuery query, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(query);
        // The category and everything below it, as the public catalogue filters.
        var categories = string.IsNullOrWhiteSpace(query.Category) ? null : await db.CategoryWithDescendantsAsync(query.Category, cancellationToken);
        return await (type switch
        {
            DocumentType<Product, ProductDraft> t => FindAsync(db, t, query, Specific(categories, query, today), p => p.Name.English == null || p.Name.English == "" || p.Summary.English == null || p.Summary.English == "", cancellationToken),
            DocumentType<Producer, ProducerDraft> t => FindAsync(db, t, query, Specific(query, today), p => p.Summary.English == null || p.Summary.English == "", cancellationToken),
            DocumentType<Story, StoryDraft> t => FindAsync(db, t, query, Specific(query), s => s.Title.English == null || s.Title.English == "" || s.Body.English == null || s.Body.English == "", cancellationToken),
            DocumentType<Event, EventDraft> t => FindAsync(db, t, query, EventFilters(query), e => e.Title.English == null || e.Title.English == "", cancellationToken),
            DocumentType<Page, PageDraft> t => FindAsync(db, t, query, q => q, p => p.Title.English == null || p.Title.English == "" || p.Body.English == null || p.Body.English == "", cancellationToken),
            _ => throw new InvalidOperationException($"No list for {type.Name}."),
        });
    }

    private static Func<IQueryable<Product>, IQueryable<Product>> Specific(List<int>? categories, ContentListQuery query, DateOnly today) => q =>
    {
        if (categories is not null)
        {
            q = q.Where(p => categories.Contains(p.CategoryId));
        }
        if (query.Region is { } region)
        {
            q = q.Where(p => p.Producer.RegionId == region);
        }
        if (query.MissingImage)
        {
            q = q.Where(p => !p.Images.Any());
        }
        if (query.ExpiredCertificate)
        {
            q = q.Where(p => p.Certifications.Any(c => c.ExpiresOn != null && c.ExpiresOn < today)
                || p.Producer.Certifications.Any(c => c.ProductId == null && c.ExpiresOn != null && c.ExpiresOn < today));
        }
        return q;
    };

    private static Func<IQueryable<Producer>, IQueryable<Producer>> Specific(ContentListQuery query, DateOnly today) => q =>
    {
        if (query.Region is { } region)
        {
            q = q.Where(p => p.RegionId == region);
        }
        if (query.MissingImage)
        {
            q = q.Where(p => p.ImageId == null);
        }
        if (query.ExpiredCertificate)
        {
            q = q.Where(p => p.Certifications.Any(c => c.ExpiresOn != null && c.ExpiresOn < today));
        }
        return q;
    };

    private static Func<IQueryable<Story>, IQueryable<Story>> Specific(ContentListQuery query) => q =>
    {
        if (query.Region is { } region)
        {
            q = q.Where(s => s.RegionId == region || (s.Producer != null && s.Producer.RegionId == region));
        }
        return query.MissingImage ? q.Where(s => s.ImageId == null) : q;
    };

    private static Func<IQueryable<Event>, IQueryable<Event>> EventFilters(ContentListQuery query) => q =>
    {
        if (query.Region is { } region)
        {
            q = q.Where(e => e.RegionId == region);
        }
        return query.MissingImage ? q.Where(e => e.ImageId == null) : q;
    };

    private static async Task<(List<ContentListRow>, int, int)> FindAsync<TDocument, TDraft>(
        IkmDbContext db, DocumentType<TDocument, TDraft> type, ContentListQuery query,
        Func<IQueryable<TDocument>, IQueryable<TDocument>> specific,
        Expression<Func<TDocument, bool>> missingEnglish, CancellationToken cancellationToken)
        where TDocument : Document, new()
        where TDraft : class, IDraft
    {
        var q = specific(db.Set<TDocument>().AsNoTracking());
        var drafts = db.ContentVersions.Where(v => v.DocumentType == type.Name && v.State == VersionState.Draft);
        var schedules = db.ScheduledActions.Where(a => a.DocumentType == type.Name && a.CompletedAtUtc == null);
        q = query.Status switch
        {
            "draft" => q.Where(d => d.State == PublishState.Draft),
            "published" => q.Where(d => d.State == PublishState.Published),
            "unpublished" => q.Where(d => d.State == PublishState.Unpublished),
            "changed" => q.Where(d => d.State == PublishState.Published && drafts.Any(v => v.DocumentId == d.Id)),
            "review" => q.Where(d => drafts.Any(v => v.DocumentId == d.Id && v.Review == ReviewState.Pending)),
            "scheduled" => q.Where(d => schedules.Any(a => a.DocumentId == d.Id)),
            _ => q,
        };
        if (query.MissingEnglish)
        {
            q = q.Where(missingEnglish);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            q = q.Where(TitleOrSlugLike(type.Title, LikePattern.Contains(query.Q)));
        }
        var total = await q.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        q = query.Sort switch
        {
            "title" => q.OrderBy(TitleIndonesian(type.Title)).ThenBy(d => d.Id),
            "created" => q.OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id),
            _ => q.OrderByDescending(d => d.UpdatedAtUtc).ThenByDescending(d => d.Id),
        };
        var paged = q.Skip((page - 1) * PageSize).Take(PageSize);
        var refs = await type.Refs(paged).ToListAsync(cancellationToken);
        var ids = refs.Select(r => r.Id).ToList();
        var facts = await paged.Select(d => new { d.Id, d.State, d.UpdatedAtUtc }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var english = await db.Set<TDocument>().Where(d => ids.Contains(d.Id)).Where(missingEnglish).Select(d => d.Id).ToListAsync(cancellationToken);
        var pending = (await drafts.Where(v => ids.Contains(v.DocumentId)).Select(v => new { v.DocumentId, v.Review }).ToListAsync(cancellationToken))
            .GroupBy(v => v.DocumentId).ToDictionary(g => g.Key, g => g.First().Review);
        var due = (await schedules.Where(a => ids.Contains(a.DocumentId)).Select(a => new { a.DocumentId, a.DueAtUtc }).ToListAsync(cancellationToken))
            .GroupBy(a => a.DocumentId).ToDictionary(g => g.Key, g => g.Min(a => a.DueAtUtc));
        var rows = refs.Select(r => new ContentListRow(r, facts[r.Id].State, facts[r.Id].UpdatedAtUtc, english.Contains(r.Id),
            pending.ContainsKey(r.Id), pending.GetValueOrDefault(r.Id), due.TryGetValue(r.Id, out var at) ? at : null)).ToList();
        return (rows, total, page);
    }

    private static Expression<Func<TDocument, string>> TitleIndonesian<TDocument>(Expression<Func<TDocument, LocalizedText>> title) =>
        Expression.Lambda<Func<TDocument, string>>(Member(title.Body, nameof(LocalizedText.Indonesian)), title.Parameters);

    /// <summary>A part of the title expression: through a constructor call (a producer's name) or a property.</summary>
    private static Expression Member(Expression title, string name) => title switch
    {
        NewExpression n => n.Arguments[Array.FindIndex(n.Constructor!.GetParameters(), p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))],
        _ => Expression.Property(title, name),
    };

    private static Expression<Func<TDocument, bool>> TitleOrSlugLike<TDocument>(Expression<Func<TDocument, LocalizedText>> title, string pattern)
        where TDocument : Document
    {
        var d = title.Parameters[0];
        var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        var toLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
        Expression Like(Expression text) => Expression.Call(like, Expression.Constant(EF.Functions), Expression.Call(text, toLower), Expression.Constant(pattern), Expression.Constant("\\"));
        var english = Member(title.Body, nameof(LocalizedText.English));
        var body = Expression.OrElse(
            Expression.OrElse(Like(Expression.Property(d, nameof(Document.Slug))), Like(Member(title.Body, nameof(LocalizedText.Indonesian)))),
            english is ConstantExpression
                ? Expression.Constant(false)
                : Expression.AndAlso(Expression.NotEqual(english, Expression.Constant(null, typeof(string))), Like(english)));
        return Expression.Lambda<Func<TDocument, bool>>(body, d);
    }
}
