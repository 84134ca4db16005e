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
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Data;

/// <summary>
/// The one source of truth: content, media metadata and the backoffice's accounts (ASP.NET Core Identity
/// tables), on SQLite or PostgreSQL.
/// </summary>
public sealed class IkmDbContext(DbContextOptions<IkmDbContext> options)
    : IdentityDbContext<Editor, IdentityRole, string>(options)
{
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

    public DbSet<IndexJournalEntry> IndexJournal => Set<IndexJournalEntry>();

    public DbSet<SearchNodeState> SearchNodes => Set<SearchNodeState>();

    /// <summary>
    /// Saves, and journals every change to what the search index shows (products, producers, stories and what
    /// their documents carry) in the same transaction, whichever code path made the change.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesWithJournalAsync(acceptAllChangesOnSuccess, async: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveChangesWithJournalAsync(acceptAllChangesOnSuccess, async: true, cancellationToken);

    private async Task<int> SaveChangesWithJournalAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken)
    {
        var changes = IndexJournalRecorder.Collect(ChangeTracker);
        if (changes.Count == 0)
        {
            return async ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : base.SaveChanges(acceptAllChangesOnSuccess);
        }
        var now = DateTime.UtcNow;
        if (!changes.Any(c => c.Added))
        {
            // Every key is known: the journal rows join this very save.
            IndexJournal.AddRange(IndexJournalRecorder.Entries(changes, now));
            return async ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) : base.SaveChanges(acceptAllChangesOnSuccess);
        }

        // New rows get their keys from the database, so the journal is written by a second save inside the same
        // transaction (the caller's if there is one): both commit or neither does.
        var own = Database.CurrentTransaction is null
            ? async ? await Database.BeginTransactionAsync(cancellationToken) : Database.BeginTransaction()
            : null;
        try
        {
            var count = async ? await base.SaveChangesAsync(true, cancellationToken) : base.SaveChanges(true);
            IndexJournal.AddRange(IndexJournalRecorder.Entries(changes, now));
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

    /// <summary>
    /// Products the public may see: published, inside their publishing window, and made by a producer the
    /// public may see too (an unapproved registration never shows its products).
    /// </summary>
    public IQueryable<Product> PublicProducts(DateTime nowUtc) =>
        Products.Published(nowUtc).Where(p => p.Producer.State == PublishState.Published
            && (p.Producer.PublishAtUtc == null || p.Producer.PublishAtUtc <= nowUtc)
            && (p.Producer.UnpublishAtUtc == null || p.Producer.UnpublishAtUtc > nowUtc));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Editor>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Culture).HasMaxLength(5);
        });

        builder.Entity<Region>(e =>
        {
            e.HasIndex(r => r.Slug).IsUnique();
            e.Property(r => r.Slug).HasMaxLength(120);
            e.Property(r => r.Name).HasMaxLength(120);
            e.Property(r => r.Province).HasMaxLength(120);
        });

        builder.Entity<Category>(e =>
        {
            e.HasIndex(c => c.Slug).IsUnique();
            e.Property(c => c.Slug).HasMaxLength(120);
            e.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Producer>(e =>
        {
            ConfigureDocument(e);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Nib).HasMaxLength(20);
            e.Property(p => p.WhatsApp).HasMaxLength(30);
            e.Property(p => p.Email).HasMaxLength(200);
            e.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Image).WithMany().HasForeignKey(p => p.ImageId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Product>(e =>
        {
            ConfigureDocument(e);
            e.Property(p => p.HsCode).HasMaxLength(20);
            e.Property(p => p.CurationGrade).HasMaxLength(2);
            e.HasOne(p => p.Producer).WithMany(p => p.Products).HasForeignKey(p => p.ProducerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => p.PriceIdr);
            e.HasIndex(p => p.Featured);
        });

        builder.Entity<ProductImage>(e =>
        {
            e.HasOne(i => i.MediaItem).WithMany().HasForeignKey(i => i.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Certification>(e =>
        {
            e.Property(c => c.Number).HasMaxLength(80);
            e.Property(c => c.Issuer).HasMaxLength(200);
            e.HasOne(c => c.Product).WithMany(p => p.Certifications).HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.Producer).WithMany(p => p.Certifications).HasForeignKey(c => c.ProducerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.DocumentMedia).WithMany().HasForeignKey(c => c.DocumentMediaId).OnDelete(DeleteBehavior.SetNull);
            e.ToTable(t => t.HasCheckConstraint("CK_Certification_Owner", "\"ProductId\" IS NOT NULL OR \"ProducerId\" IS NOT NULL"));
        });

        builder.Entity<CertificationTypeInfo>(e => e.HasIndex(c => c.Type).IsUnique());

        builder.Entity<Story>(e =>
        {
            ConfigureDocument(e);
            e.HasOne(s => s.Producer).WithMany().HasForeignKey(s => s.ProducerId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(s => s.Image).WithMany().HasForeignKey(s => s.ImageId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Event>(e =>
        {
            ConfigureDocument(e);
            e.Property(x => x.Venue).HasMaxLength(300);
            e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(x => x.Image).WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.StartsAtUtc);
        });

        builder.Entity<Page>(ConfigureDocument);

        builder.Entity<MediaItem>(e =>
        {
            e.Property(m => m.FileName).HasMaxLength(200);
            e.Property(m => m.OriginalFileName).HasMaxLength(200);
            e.Property(m => m.ContentType).HasMaxLength(100);
            e.Property(m => m.StorageKey).HasMaxLength(300);
            e.Property(m => m.Hash).HasMaxLength(64);
            e.Property(m => m.Credit).HasMaxLength(200);
            e.Property(m => m.Licence).HasMaxLength(200);
            e.Property(m => m.UploadedBy).HasMaxLength(200);
            e.Property(m => m.UpdatedBy).HasMaxLength(200);
            e.Ignore(m => m.Version);
        });

        builder.Entity<ContentVersion>(e =>
        {
            e.Property(v => v.DocumentType).HasMaxLength(40);
            e.HasIndex(v => new { v.DocumentType, v.DocumentId, v.Number }).IsUnique();
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.DocumentType).HasMaxLength(40);
            e.Property(a => a.Action).HasMaxLength(40);
            e.HasIndex(a => new { a.DocumentType, a.DocumentId });
        });

        builder.Entity<SlugRedirect>(e =>
        {
            e.Property(r => r.DocumentType).HasMaxLength(40);
            e.HasIndex(r => new { r.DocumentType, r.OldSlug }).IsUnique();
        });

        builder.Entity<IndexJournalEntry>(e =>
        {
            e.ToTable("IndexJournal");
            e.Property(j => j.DocumentType).HasMaxLength(40);
            e.Property(j => j.Action).HasMaxLength(20);
            e.HasIndex(j => j.CreatedAtUtc);
        });

        builder.Entity<SearchNodeState>(e =>
        {
            e.ToTable("SearchNodes");
            e.HasKey(n => n.NodeName);
            e.Property(n => n.NodeName).HasMaxLength(200);
        });
    }

    private static void ConfigureDocument<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e)
        where T : Document
    {
        e.Property(d => d.Slug).HasMaxLength(160);
        e.HasIndex(d => d.Slug).IsUnique();
        e.HasIndex(d => d.State);
    }
}
