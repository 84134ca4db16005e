using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Events;
using IkmCatalog.Media;
using IkmCatalog.Pages;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Data;

public sealed class IkmDbContext(DbContextOptions<IkmDbContext> options) : DbContext(options)
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

    /// <summary>
    /// Products the public may see: published, inside their publishing window, and made by a producer the
    /// public may see too (an unapproved registration never shows its products).
    /// </summary>
    public IQueryable<Product> PublicProducts(DateTime nowUtc) =>
        Products.Published(nowUtc).Where(p => p.Producer.State == PublishState.Published
            && (p.Producer.PublishAtUtc == null || p.Producer.PublishAtUtc <= nowUtc)
            && (p.Producer.UnpublishAtUtc == null || p.Producer.UnpublishAtUtc > nowUtc));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>(e =>
        {
            e.HasIndex(r => r.Slug).IsUnique();
            e.Property(r => r.Slug).HasMaxLength(120);
            e.Property(r => r.Name).HasMaxLength(120);
            e.Property(r => r.Province).HasMaxLength(120);
        });

        modelBuilder.Entity<Category>(e =>
        {
            e.HasIndex(c => c.Slug).IsUnique();
            e.Property(c => c.Slug).HasMaxLength(120);
            e.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Producer>(e =>
        {
            ConfigureDocument(e);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Nib).HasMaxLength(20);
            e.Property(p => p.WhatsApp).HasMaxLength(30);
            e.Property(p => p.Email).HasMaxLength(200);
            e.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Image).WithMany().HasForeignKey(p => p.ImageId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<Product>(e =>
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

        modelBuilder.Entity<ProductImage>(e =>
        {
            e.HasOne(i => i.MediaItem).WithMany().HasForeignKey(i => i.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Certification>(e =>
        {
            e.Property(c => c.Number).HasMaxLength(80);
            e.Property(c => c.Issuer).HasMaxLength(200);
            e.HasOne(c => c.Product).WithMany(p => p.Certifications).HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.Producer).WithMany(p => p.Certifications).HasForeignKey(c => c.ProducerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.DocumentMedia).WithMany().HasForeignKey(c => c.DocumentMediaId).OnDelete(DeleteBehavior.SetNull);
            e.ToTable(t => t.HasCheckConstraint("CK_Certification_Owner", "\"ProductId\" IS NOT NULL OR \"ProducerId\" IS NOT NULL"));
        });

        modelBuilder.Entity<CertificationTypeInfo>(e => e.HasIndex(c => c.Type).IsUnique());

        modelBuilder.Entity<Story>(e =>
        {
            ConfigureDocument(e);
            e.HasOne(s => s.Producer).WithMany().HasForeignKey(s => s.ProducerId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(s => s.Image).WithMany().HasForeignKey(s => s.ImageId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<Event>(e =>
        {
            ConfigureDocument(e);
            e.Property(x => x.Venue).HasMaxLength(300);
            e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(x => x.Image).WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.StartsAtUtc);
        });

        modelBuilder.Entity<Page>(ConfigureDocument);

        modelBuilder.Entity<MediaItem>(e =>
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

        modelBuilder.Entity<ContentVersion>(e =>
        {
            e.Property(v => v.DocumentType).HasMaxLength(40);
            e.HasIndex(v => new { v.DocumentType, v.DocumentId, v.Number }).IsUnique();
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.DocumentType).HasMaxLength(40);
            e.Property(a => a.Action).HasMaxLength(40);
            e.HasIndex(a => new { a.DocumentType, a.DocumentId });
        });

        modelBuilder.Entity<SlugRedirect>(e =>
        {
            e.Property(r => r.DocumentType).HasMaxLength(40);
            e.HasIndex(r => new { r.DocumentType, r.OldSlug }).IsUnique();
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
