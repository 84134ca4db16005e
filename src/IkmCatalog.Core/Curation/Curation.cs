using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Events;

namespace IkmCatalog.Curation;

/// <summary>What a curator decides about a product after scoring it.</summary>
public enum CurationDecision
{
    /// <summary>Lolos kurasi: the product is curated and gets the badge.</summary>
    Passed = 0,

    /// <summary>Perlu perbaikan: may pass after the producer improves what the notes say.</summary>
    Improve = 1,

    /// <summary>Tidak lolos.</summary>
    NotPassed = 2,
}

/// <summary>
/// One line of the office's curation rubric (legality and certification, product quality, packaging and label,
/// production capacity, market reach by default), scored 1–5. Editable by the office; a criterion that is no
/// longer used is retired, not deleted, so past assessments still read.
/// </summary>
public sealed class CurationCriterion
{
    public int Id { get; set; }

    /// <summary>Stable key, e.g. "legality".</summary>
    public string Key { get; set; } = "";

    public LocalizedText Name { get; set; } = new();

    /// <summary>What a curator looks at, shown beside the score.</summary>
    public LocalizedText Guidance { get; set; } = new();

    /// <summary>Relative weight in the total (1 by default).</summary>
    public int Weight { get; set; } = 1;

    public int SortOrder { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>A curation round such as "Kurasi TEI 2026", optionally tied to the event it selects products for.</summary>
public sealed class CurationRound
{
    public int Id { get; set; }

    public LocalizedText Name { get; set; } = new();

    public int? EventId { get; set; }

    public Event? Event { get; set; }

    public DateOnly? OpensOn { get; set; }

    public DateOnly? ClosesOn { get; set; }

    /// <summary>A closed round takes no more assessments; its shortlist is final.</summary>
    public bool Closed { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";
}

/// <summary>A curator's assessment of one product (in a round or on its own), with a score per criterion.</summary>
public sealed class CurationAssessment
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public Product Product { get; set; } = null!;

    public int? RoundId { get; set; }

    public CurationRound? Round { get; set; }

    /// <summary>The curator's account id and name at the time.</summary>
    public string CuratorId { get; set; } = "";

    public string CuratorName { get; set; } = "";

    public DateTime AssessedAtUtc { get; set; }

    /// <summary>Weighted average of the scores, 1.00–5.00.</summary>
    public decimal Score { get; set; }

    /// <summary>A, B, C or D, from <see cref="Score"/>.</summary>
    public string Grade { get; set; } = "";

    public CurationDecision Decision { get; set; }

    /// <summary>Overall notes for the producer.</summary>
    public string? Notes { get; set; }

    public List<CurationScore> Scores { get; set; } = [];
}

public sealed class CurationScore
{
    public int Id { get; set; }

    public int AssessmentId { get; set; }

    public int CriterionId { get; set; }

    public CurationCriterion Criterion { get; set; } = null!;

    /// <summary>1–5.</summary>
    public int Value { get; set; }

    public string? Note { get; set; }
}

internal sealed class CurationCriterionConfiguration : IEntityTypeConfiguration<CurationCriterion>
{
    public void Configure(EntityTypeBuilder<CurationCriterion> e)
    {
        e.Property(c => c.Key).HasMaxLength(50);
        e.HasIndex(c => c.Key).IsUnique();
    }
}

internal sealed class CurationRoundConfiguration : IEntityTypeConfiguration<CurationRound>
{
    public void Configure(EntityTypeBuilder<CurationRound> e)
    {
        e.Property(r => r.CreatedBy).HasMaxLength(256);
        e.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CurationAssessmentConfiguration : IEntityTypeConfiguration<CurationAssessment>
{
    public void Configure(EntityTypeBuilder<CurationAssessment> e)
    {
        e.Property(a => a.CuratorId).HasMaxLength(450);
        e.Property(a => a.CuratorName).HasMaxLength(256);
        e.Property(a => a.Grade).HasMaxLength(2);
        e.Property(a => a.Score).HasPrecision(4, 2);
        e.Property(a => a.Notes).HasMaxLength(4000);
        e.HasIndex(a => new { a.ProductId, a.AssessedAtUtc });
        e.HasIndex(a => a.RoundId);
        e.HasOne(a => a.Product).WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(a => a.Round).WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CurationScoreConfiguration : IEntityTypeConfiguration<CurationScore>
{
    public void Configure(EntityTypeBuilder<CurationScore> e)
    {
        e.Property(s => s.Note).HasMaxLength(1000);
        e.HasOne(s => s.Criterion).WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}
