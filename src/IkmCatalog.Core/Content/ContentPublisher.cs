using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IkmCatalog.Content;

public enum PublishStatus
{
    Published,
    Unpublished,
    Saved,
    Deleted,
    Scheduled,
    SentForReview,
    Returned,
    RolledBack,

    /// <summary>Unpublishing something that is not public.</summary>
    NotPublished,

    /// <summary>A draft without its Indonesian name or title.</summary>
    MissingIndonesianText,

    /// <summary>The draft breaks a rule; <see cref="PublishResult.Errors"/> says which.</summary>
    Invalid,

    /// <summary>Another document of the type already uses the slug.</summary>
    SlugTaken,

    /// <summary>Someone saved the document since the form was opened.</summary>
    Conflict,

    NotFound,

    /// <summary>Nothing waits to be published or sent.</summary>
    NoDraft,

    /// <summary>A schedule in the past, or unpublishing before publishing.</summary>
    InvalidSchedule,

    /// <summary>Other content still points at it (a producer's products).</summary>
    InUse,
}

public sealed record PublishResult(PublishStatus Status, int Version = 0, int DocumentId = 0, IReadOnlyList<DraftError>? Errors = null)
{
    public bool Succeeded => Status is PublishStatus.Published or PublishStatus.Unpublished or PublishStatus.Saved
        or PublishStatus.Deleted or PublishStatus.Scheduled or PublishStatus.SentForReview or PublishStatus.Returned or PublishStatus.RolledBack;
}

/// <summary>
/// The content workflow: drafts (values and relations) saved as numbered versions, send-to-publish and return,
/// publishing a whole draft in one transaction that this class owns (or joins, when the caller has one),
/// unpublishing, deleting, schedules, rollback, slug history and the audit trail.
/// The document's row holds what is live; a draft never reaches the public before it is published.
/// </summary>
public sealed class ContentPublisher(IkmDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Saves a draft as a new version. <paramref name="basedOnVersion"/> is the latest version number the editor's
    /// form was opened on (null for a new document): when someone saved since, the answer is <see cref="PublishStatus.Conflict"/>.
    /// </summary>
    public async Task<PublishResult> SaveDraftAsync(DocumentType type, int? id, IDraft draft, string user, int? basedOnVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(draft);
        var now = Now;
        var errors = await ValidateAsync(type, id ?? 0, draft, cancellationToken);
        if (errors.Count > 0)
        {
            return Failure(errors);
        }
        try
        {
            return await InTransactionAsync(async () =>
            {
                Document document;
                if (id is null)
                {
                    document = type.Create();
                    draft.ApplyTo(document);
                    document.State = PublishState.Draft;
                    document.CreatedAtUtc = now;
                    document.UpdatedAtUtc = now;
                    db.Add(document);
                    await SaveAsync(cancellationToken);
                    draft = type.DraftOf(document); // with the keys its new relations got
                }
                else
                {
                    var loaded = await type.LoadAsync(db, id.Value, cancellationToken);
                    if (loaded is null)
                    {
                        return new PublishResult(PublishStatus.NotFound);
                    }
                    document = loaded;
                    if (await LatestNumberAsync(type, document.Id, cancellationToken) != (basedOnVersion ?? 0))
                    {
                        return new PublishResult(PublishStatus.Conflict, DocumentId: document.Id);
                    }
                    if (document.PublishedAtUtc is null)
                    {
                        // Never public: the row itself follows the draft (lists and search show the latest name).
                        draft.ApplyTo(document);
                        document.UpdatedAtUtc = now;
                        await SaveAsync(cancellationToken);
                        draft = type.DraftOf(document);
                    }
                }
                var number = await AddVersionAsync(type, document.Id, draft, VersionState.Draft, user, cancellationToken);
                Audit(type, document.Id, "save", user, $"v{number}");
                await SaveAsync(cancellationToken);
                return new PublishResult(PublishStatus.Saved, number, document.Id);
            }, cancellationToken);
        }
        catch (DbUpdateException) when (id is not null)
        {
            // Two saves raced for the same version number: the unique index let one through.
            db.ChangeTracker.Clear();
            return new PublishResult(PublishStatus.Conflict, DocumentId: id.Value);
        }
    }

    /// <summary>Publishes the pending draft (or, without one, the document as it is) with its relations, in one transaction.</summary>
    public Task<PublishResult> PublishAsync(DocumentType type, int id, string user, CancellationToken cancellationToken = default) =>
        PublishCoreAsync(type, id, user, validate: true, cancellationToken);

    private Task<PublishResult> PublishCoreAsync(DocumentType type, int id, string user, bool validate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        return InTransactionAsync(async () =>
        {
            var document = await type.LoadAsync(db, id, cancellationToken);
            if (document is null)
            {
                return new PublishResult(PublishStatus.NotFound);
            }
            var pending = await PendingDraftAsync(type, id, cancellationToken);
            var draft = pending is null ? type.DraftOf(document) : type.ReadDraft(pending.Snapshot);
            var errors = validate ? await ValidateAsync(type, id, draft, cancellationToken) : [];
            if (errors.Count > 0)
            {
                return Failure(errors, id);
            }
            var now = Now;
            var oldSlug = document.PublishedAtUtc is null ? null : document.Slug;
            draft.ApplyTo(document);
            document.State = PublishState.Published;
            document.PublishedAtUtc ??= now;
            document.UpdatedAtUtc = now;
            await RecordSlugChangeAsync(type, id, oldSlug, document.Slug, cancellationToken);

            foreach (var published in await db.ContentVersions.Where(v => v.DocumentType == type.Name && v.DocumentId == id && v.State == VersionState.Published).ToListAsync(cancellationToken))
            {
                published.State = VersionState.Archived;
            }
            int number;
            if (pending is not null)
            {
                pending.State = VersionState.Published;
                pending.Review = ReviewState.None;
                number = pending.Number;
            }
            else
            {
                number = await AddVersionAsync(type, id, draft, VersionState.Published, user, cancellationToken);
            }
            Audit(type, id, "publish", user, $"v{number}");
            await SaveAsync(cancellationToken);
            return new PublishResult(PublishStatus.Published, number, id);
        }, cancellationToken);
    }

    /// <summary>
    /// Saves and publishes a document built in code (the demo import, operator tools): the row, its version and its
    /// audit entry commit together.
    /// </summary>
    public Task<PublishResult> PublishAsync<T>(T document, string user, CancellationToken cancellationToken = default) where T : Document
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Slug))
        {
            return Task.FromResult(new PublishResult(PublishStatus.MissingIndonesianText));
        }
        var type = DocumentTypes.Of(document);
        return InTransactionAsync(async () =>
        {
            var now = Now;
            document.CreatedAtUtc = document.CreatedAtUtc == default ? now : document.CreatedAtUtc;
            if (db.Entry(document).State == EntityState.Detached)
            {
                db.Add(document);
            }
            await db.SaveChangesAsync(cancellationToken); // the row needs its key before its version
            // Content built in code is trusted as it is (imported data keeps its own slugs and texts).
            return await PublishCoreAsync(type, document.Id, user, validate: false, cancellationToken);
        }, cancellationToken);
    }

    public Task<PublishResult> UnpublishAsync(DocumentType type, int id, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        return InTransactionAsync(async () =>
        {
            var document = await type.LoadAsync(db, id, cancellationToken);
            if (document is null)
            {
                return new PublishResult(PublishStatus.NotFound);
            }
            if (document.State != PublishState.Published)
            {
                return new PublishResult(PublishStatus.NotPublished, DocumentId: id);
            }
            document.State = PublishState.Unpublished;
            document.UpdatedAtUtc = Now;
            foreach (var published in await db.ContentVersions.Where(v => v.DocumentType == type.Name && v.DocumentId == id && v.State == VersionState.Published).ToListAsync(cancellationToken))
            {
                published.State = VersionState.Archived;
            }
            Audit(type, id, "unpublish", user);
            await db.SaveChangesAsync(cancellationToken);
            return new PublishResult(PublishStatus.Unpublished, DocumentId: id);
        }, cancellationToken);
    }

    /// <summary>Deletes the document, its versions and schedules; its audit trail stays.</summary>
    public async Task<PublishResult> DeleteAsync(DocumentType type, int id, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        try
        {
            return await InTransactionAsync(async () =>
            {
                var document = await type.LoadAsync(db, id, cancellationToken);
                if (document is null)
                {
                    return new PublishResult(PublishStatus.NotFound);
                }
                var title = type.DraftOf(document).Title.Indonesian;
                db.Remove(document);
                db.ContentVersions.RemoveRange(await db.ContentVersions.Where(v => v.DocumentType == type.Name && v.DocumentId == id).ToListAsync(cancellationToken));
                db.ScheduledActions.RemoveRange(await db.ScheduledActions.Where(a => a.DocumentType == type.Name && a.DocumentId == id).ToListAsync(cancellationToken));
                db.SlugRedirects.RemoveRange(await db.SlugRedirects.Where(r => r.DocumentType == type.Name && r.DocumentId == id).ToListAsync(cancellationToken));
                Audit(type, id, "delete", user, title);
                await db.SaveChangesAsync(cancellationToken);
                return new PublishResult(PublishStatus.Deleted, DocumentId: id);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A restricted relation (a producer that still has products).
            db.ChangeTracker.Clear();
            return new PublishResult(PublishStatus.InUse, DocumentId: id);
        }
    }

    /// <summary>Replaces the document's pending schedule: publish the draft at one time, unpublish at another (either may be null).</summary>
    public Task<PublishResult> ScheduleAsync(DocumentType type, int id, DateTime? publishAtUtc, DateTime? unpublishAtUtc, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        var now = Now;
        if (publishAtUtc <= now || unpublishAtUtc <= now || (publishAtUtc is { } p && unpublishAtUtc is { } u && u <= p))
        {
            return Task.FromResult(new PublishResult(PublishStatus.InvalidSchedule, DocumentId: id));
        }
        return InTransactionAsync(async () =>
        {
            if (await type.FindRefAsync(db, id, cancellationToken) is null)
            {
                return new PublishResult(PublishStatus.NotFound);
            }
            db.ScheduledActions.RemoveRange(await db.ScheduledActions
                .Where(a => a.DocumentType == type.Name && a.DocumentId == id && a.CompletedAtUtc == null).ToListAsync(cancellationToken));
            foreach (var (action, at) in new[] { (ScheduledActions.Publish, publishAtUtc), (ScheduledActions.Unpublish, unpublishAtUtc) })
            {
                if (at is { } due)
                {
                    db.ScheduledActions.Add(new ScheduledAction
                    {
                        DocumentType = type.Name, DocumentId = id, Action = action, DueAtUtc = DateTime.SpecifyKind(due, DateTimeKind.Utc),
                        CreatedBy = user, CreatedAtUtc = now,
                    });
                }
            }
            Audit(type, id, publishAtUtc is null && unpublishAtUtc is null ? "schedule-cancel" : "schedule", user,
                string.Join(" ", new[] { publishAtUtc is { } a ? $"publish {a:yyyy-MM-dd HH:mm}Z" : null, unpublishAtUtc is { } b ? $"unpublish {b:yyyy-MM-dd HH:mm}Z" : null }.OfType<string>()));
            await db.SaveChangesAsync(cancellationToken);
            return new PublishResult(PublishStatus.Scheduled, DocumentId: id);
        }, cancellationToken);
    }

    /// <summary>A writer sends the pending draft to the Editors' queue.</summary>
    public Task<PublishResult> SendForReviewAsync(DocumentType type, int id, string user, CancellationToken cancellationToken = default) =>
        ReviewAsync(type, id, ReviewState.Pending, user, null, "send", cancellationToken);

    /// <summary>An Editor returns a sent draft with a comment the writer sees.</summary>
    public Task<PublishResult> ReturnAsync(DocumentType type, int id, string user, string comment, CancellationToken cancellationToken = default) =>
        ReviewAsync(type, id, ReviewState.Returned, user, comment, "return", cancellationToken);

    /// <summary>Makes an earlier version (values and relations) the pending draft, as a new version.</summary>
    public async Task<PublishResult> RollbackAsync(DocumentType type, int id, int number, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        var version = await db.ContentVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.DocumentType == type.Name && v.DocumentId == id && v.Number == number, cancellationToken);
        if (version is null)
        {
            return new PublishResult(PublishStatus.NotFound);
        }
        var draft = type.ReadDraft(version.Snapshot);
        var latest = await LatestNumberAsync(type, id, cancellationToken);
        return await InTransactionAsync(async () =>
        {
            var saved = await SaveDraftAsync(type, id, draft, user, latest, cancellationToken);
            if (!saved.Succeeded)
            {
                return saved;
            }
            Audit(type, id, "rollback", user, $"v{number} → v{saved.Version}");
            await db.SaveChangesAsync(cancellationToken);
            return saved with { Status = PublishStatus.RolledBack };
        }, cancellationToken);
    }

    /// <summary>The pending draft's version, if the document has one.</summary>
    public Task<ContentVersion?> PendingDraftAsync(DocumentType type, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        return db.ContentVersions.Where(v => v.DocumentType == type.Name && v.DocumentId == id && v.State == VersionState.Draft)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<int> LatestNumberAsync(DocumentType type, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        return await db.ContentVersions.Where(v => v.DocumentType == type.Name && v.DocumentId == id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
    }

    /// <summary>
    /// Fills an empty slug from the Indonesian name (unique within the type), then checks the draft's rules, that
    /// its slug is free and that the media it shows exist.
    /// </summary>
    public async Task<List<DraftError>> ValidateAsync(DocumentType type, int id, IDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(draft);
        draft.Slug = (draft.Slug ?? "").Trim();
        if (draft.Slug.Length == 0 && Slugs.From(draft.Title.Indonesian) is { Length: > 0 } made)
        {
            draft.Slug = await Slugs.UniqueAsync(made, s => type.SlugTakenAsync(db, s, id, cancellationToken));
        }
        var errors = draft.Validate(DateOnly.FromDateTime(Now)).ToList();
        if (draft.Slug.Length > 0 && Slugs.IsValid(draft.Slug) && await type.SlugTakenAsync(db, draft.Slug, id, cancellationToken))
        {
            errors.Add(new DraftError("Slug", "content.error.slug-taken"));
        }
        foreach (var reference in draft.References().Where(r => r.Id != 0))
        {
            // A producer, category or region that no longer exists (or never did): said next to its field, not a database error.
            if (await db.FindAsync(reference.Entity, [reference.Id], cancellationToken) is null)
            {
                errors.Add(new DraftError(reference.Field, "content.error.choice-missing"));
            }
        }
        var media = draft.MediaIds().Distinct().ToList();
        if (media.Count > 0 && await db.Media.CountAsync(m => media.Contains(m.Id), cancellationToken) != media.Count)
        {
            errors.Add(new DraftError("", "content.error.media-missing"));
        }
        return errors;
    }

    private async Task<PublishResult> ReviewAsync(DocumentType type, int id, ReviewState state, string user, string? comment, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        var pending = await PendingDraftAsync(type, id, cancellationToken);
        if (pending is null)
        {
            return new PublishResult(PublishStatus.NoDraft, DocumentId: id);
        }
        pending.Review = state;
        pending.ReviewComment = comment?.Trim();
        pending.ReviewedBy = user;
        pending.ReviewedAtUtc = Now;
        Audit(type, id, action, user, comment);
        await db.SaveChangesAsync(cancellationToken);
        return new PublishResult(state == ReviewState.Pending ? PublishStatus.SentForReview : PublishStatus.Returned, pending.Number, id);
    }

    private async Task RecordSlugChangeAsync(DocumentType type, int id, string? oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        // The new slug is live again: a redirect away from it would shadow nothing, but it must not point elsewhere.
        db.SlugRedirects.RemoveRange(await db.SlugRedirects.Where(r => r.DocumentType == type.Name && r.OldSlug == newSlug).ToListAsync(cancellationToken));
        if (oldSlug is null || oldSlug == newSlug)
        {
            return;
        }
        var existing = await db.SlugRedirects.FirstOrDefaultAsync(r => r.DocumentType == type.Name && r.OldSlug == oldSlug, cancellationToken);
        if (existing is null)
        {
            db.SlugRedirects.Add(new SlugRedirect { DocumentType = type.Name, OldSlug = oldSlug, DocumentId = id, CreatedAtUtc = Now });
        }
        else
        {
            existing.DocumentId = id;
        }
    }

    private async Task<int> AddVersionAsync(DocumentType type, int id, IDraft draft, VersionState state, string user, CancellationToken cancellationToken)
    {
        foreach (var older in await db.ContentVersions.Where(v => v.DocumentType == type.Name && v.DocumentId == id && v.State == VersionState.Draft).ToListAsync(cancellationToken))
        {
            older.State = VersionState.Archived; // superseded by this save
        }
        var number = await LatestNumberAsync(type, id, cancellationToken) + 1;
        db.ContentVersions.Add(new ContentVersion
        {
            DocumentType = type.Name, DocumentId = id, Number = number, State = state,
            Snapshot = type.WriteDraft(draft), CreatedAtUtc = Now, CreatedBy = user,
        });
        return number;
    }

    /// <summary>
    /// Saves; a certificate a draft no longer lists is deleted, not left without owner (its product link is
    /// optional, so EF would only clear it).
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        foreach (var orphan in db.ChangeTracker.Entries<Certifications.Certification>()
            .Where(e => e.State == EntityState.Modified && e.Entity.ProductId == null && e.Entity.ProducerId == null).ToList())
        {
            orphan.State = EntityState.Deleted;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Audit(DocumentType type, int id, string action, string user, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry { DocumentType = type.Name, DocumentId = id, Action = action, User = user, AtUtc = Now, Detail = detail is { Length: > 0 } ? detail[..Math.Min(detail.Length, 400)] : null });

    /// <summary>Runs <paramref name="work"/> in a transaction this class owns, or in the caller's when there is one.</summary>
    private async Task<PublishResult> InTransactionAsync(Func<Task<PublishResult>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }
        await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return result;
    }

    private static PublishResult Failure(List<DraftError> errors, int id = 0) =>
        new(errors.Any(e => e.Message == "content.error.slug-taken") && errors.Count == 1 ? PublishStatus.SlugTaken
            : errors.Any(e => e.Field.EndsWith(".Indonesian", StringComparison.Ordinal) && e.Message == "content.error.required") ? PublishStatus.MissingIndonesianText
            : PublishStatus.Invalid, DocumentId: id, Errors: errors);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
