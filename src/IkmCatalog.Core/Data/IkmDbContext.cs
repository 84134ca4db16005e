using IkmCatalog.Backoffice;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Events;
using IkmCatalog.Media;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Search;
using IkmCatalog.Stories;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Data;

/// <summary>
/// The one source of truth: content, media metadata and the backoffice's accounts (ASP.NET Core Identity
/// tables), on SQLite or PostgreSQL.
/// </summary>
public sealed class IkmDbContext : IdentityDbContext<Editor, IdentityRole, string>, IDataProtectionKeyContext
{
    private readonly IContentChangeHandler[] _handlers;

    /// <summary>A context whose saves raise no content notifications (design-time tools).</summary>
    public IkmDbContext(DbContextOptions<IkmDbContext> options) : this(options, [])
    {
    }

    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public IkmDbContext(DbContextOptions<IkmDbContext> options, IEnumerable<IContentChangeHandler> handlers) : base(options)
    {
        _handlers = [.. handlers];
    }

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Producer> Producers => Set<Producer>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductImage> ProductImages => Set<ProductImage>();

    public DbSet<Certification> Certifications => Set<Certification>();

    public DbSet<CertificationTypeInfo> CertificationTypes => Set<CertificationTypeInfo>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<Page> Pages => Set<Page>();

    public DbSet<MediaItem> Media => Set<MediaItem>();

    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    public DbSet<ScheduledAction> ScheduledActions => Set<ScheduledAction>();

    public DbSet<IndexJournalEntry> IndexJournal => Set<IndexJournalEntry>();

    public DbSet<SearchNodeState> SearchNodes => Set<SearchNodeState>();

    /// <summary>The editors' synonym list (one row), shared by every node.</summary>
    public DbSet<SearchSynonymSet> SearchSynonyms => Set<SearchSynonymSet>();

    /// <summary>Data-protection keys (sign-in cookies, antiforgery tokens), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Email.OutboxMessage> Outbox => Set<Email.OutboxMessage>();

    public DbSet<Inquiries.Inquiry> Inquiries => Set<Inquiries.Inquiry>();

    public DbSet<Inquiries.InquiryLine> InquiryLines => Set<Inquiries.InquiryLine>();

    public DbSet<Inquiries.InquiryQuote> InquiryQuotes => Set<Inquiries.InquiryQuote>();

    public DbSet<Inquiries.InquiryMessage> InquiryMessages => Set<Inquiries.InquiryMessage>();

    public DbSet<Orders.Order> Orders => Set<Orders.Order>();

    public DbSet<Orders.OrderLine> OrderLines => Set<Orders.OrderLine>();

    public DbSet<Orders.StripeEventRecord> StripeEvents => Set<Orders.StripeEventRecord>();

    public DbSet<Orders.Cart> Carts => Set<Orders.Cart>();

    public DbSet<Orders.CartLine> CartLines => Set<Orders.CartLine>();

    public DbSet<Orders.ShippingRate> ShippingRates => Set<Orders.ShippingRate>();

    public DbSet<ProducerApplication> ProducerApplications => Set<ProducerApplication>();

    public DbSet<ApplicationProduct> ApplicationProducts => Set<ApplicationProduct>();

    public DbSet<ApplicationCertificate> ApplicationCertificates => Set<ApplicationCertificate>();

    public DbSet<ProducerStatusChange> ProducerStatusChanges => Set<ProducerStatusChange>();

    public DbSet<Curation.CurationCriterion> CurationCriteria => Set<Curation.CurationCriterion>();

    public DbSet<Curation.CurationRound> CurationRounds => Set<Curation.CurationRound>();

    public DbSet<Curation.CurationAssessment> CurationAssessments => Set<Curation.CurationAssessment>();

    public DbSet<Curation.CurationScore> CurationScores => Set<Curation.CurationScore>();

    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();

    /// <summary>
    /// Saves, and raises a <see cref="ContentNotification"/> for every change to content (documents, drafts and what
    /// documents show) to the registered handlers, inside the same transaction, whichever code path made the change.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesNotifyingAsync(acceptAllChangesOnSuccess, async: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveChangesNotifyingAsync(acceptAllChangesOnSuccess, async: true, cancellationToken);

    private async Task<int> SaveChangesNotifyingAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken)
    {
        var changes = _handlers.Length == 0 ? [] : ContentChanges.Collect(ChangeTracker);
        if (changes.Count == 0)
        {
            return async ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : base.SaveChanges(acceptAllChangesOnSuccess);
        }
        var now = DateTime.UtcNow;
        if (!changes.Any(c => c.Added))
        {
            // Every key is known: what the handlers add joins this very save.
            Notify(changes, now);
            return async ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : base.SaveChanges(acceptAllChangesOnSuccess);
        }

        // New rows get their keys from the database, so the handlers run after a first save inside the same
        // transaction (the caller's if there is one): both commit or neither does.
        var own = Database.CurrentTransaction is null
            ? async ? await Database.BeginTransactionAsync(cancellationToken) : Database.BeginTransaction()
            : null;
        try
        {
            var count = async ? await base.SaveChangesAsync(true, cancellationToken) : base.SaveChanges(true);
            Notify(changes, now);
            count += async ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : base.SaveChanges(acceptAllChangesOnSuccess);
            if (own is not null)
            {
                if (async)
                {
                    await own.CommitAsync(cancellationToken);
                }
                else
                {
                    own.Commit();
                }
            }
            return count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private void Notify(List<ContentChanges.Pending> changes, DateTime nowUtc)
    {
        var notifications = ContentChanges.Notifications(changes);
        if (notifications.Count == 0)
        {
            return;
        }
        foreach (var handler in _handlers)
        {
            handler.Handle(notifications, this, nowUtc);
        }
    }

    /// <summary>
    /// Products the public may see: published, inside their publishing window, and made by a producer the
    /// public may see too (an unapproved registration never shows its products). For loaded rows:
    /// <see cref="PublicRules.IsPublicAt(Product, DateTime)"/>, the same rule.
    /// </summary>
    public IQueryable<Product> PublicProducts(DateTime nowUtc) =>
        Products.Published(nowUtc).Where(p => p.Producer.State == PublishState.Published
            && (p.Producer.PublishAtUtc == null || p.Producer.PublishAtUtc <= nowUtc)
            && (p.Producer.UnpublishAtUtc == null || p.Producer.UnpublishAtUtc > nowUtc));

    /// <summary>
    /// Stories the public may see: published, and about no producer or a producer the public may see. For loaded
    /// rows: <see cref="PublicRules.IsPublicAt(Story, DateTime)"/>, the same rule.
    /// </summary>
    public IQueryable<Story> PublicStories(DateTime nowUtc) =>
        Stories.Published(nowUtc).Where(s => s.ProducerId == null || (s.Producer!.State == PublishState.Published
            && (s.Producer.PublishAtUtc == null || s.Producer.PublishAtUtc <= nowUtc)
            && (s.Producer.UnpublishAtUtc == null || s.Producer.UnpublishAtUtc > nowUtc)));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each entity's mapping lives beside it (IEntityTypeConfiguration<T>); a feature adds its own.
        builder.ApplyConfigurationsFromAssembly(typeof(IkmDbContext).Assembly);
    }
}
