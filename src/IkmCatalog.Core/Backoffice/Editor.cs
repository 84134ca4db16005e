using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;

namespace IkmCatalog.Backoffice;

/// <summary>A person of the office who signs in to the backoffice: editor, writer, curator or sales officer.</summary>
public sealed class Editor : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Language of the backoffice for this person ("id" or "en").</summary>
    public string Culture { get; set; } = Content.Cultures.Indonesian;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }

    /// <summary>For a producer's portal account: the one producer it may see and edit. Null for office staff.</summary>
    public int? ProducerId { get; set; }
}

/// <summary>What each role may do; an account may hold several.</summary>
public static class EditorRoles
{
    /// <summary>Everything, including accounts and settings.</summary>
    public const string Admin = "Admin";

    /// <summary>Edits and publishes content.</summary>
    public const string Editor = "Editor";

    /// <summary>Writes drafts and sends them for publishing.</summary>
    public const string Writer = "Writer";

    /// <summary>Runs curation (kurasi) and verifies certifications.</summary>
    public const string Curator = "Curator";

    /// <summary>Handles inquiries and orders.</summary>
    public const string SalesOfficer = "SalesOfficer";

    /// <summary>Who runs the office's programme (registrations, producer status, portal access, certificates, event registrations), as an [Authorize] roles list.</summary>
    public const string Programme = Admin + "," + Editor + "," + Curator;

    /// <summary>Who curates products and verifies certificates, as an [Authorize] roles list.</summary>
    public const string Curators = Admin + "," + Curator;

    /// <summary>Office staff roles: any of them opens the backoffice.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Editor, Writer, Curator, SalesOfficer];

    /// <summary>
    /// A producer's own account: the producer portal only (its page, its products, its inquiries and certificates),
    /// never the office's backoffice. Not one of <see cref="All"/>.
    /// </summary>
    public const string Producer = "Producer";
}

internal sealed class EditorConfiguration : IEntityTypeConfiguration<Editor>
{
    public void Configure(EntityTypeBuilder<Editor> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.Property(u => u.Culture).HasMaxLength(5);
        e.HasIndex(u => u.ProducerId);
        e.HasOne<Producers.Producer>().WithMany().HasForeignKey(u => u.ProducerId).OnDelete(DeleteBehavior.SetNull);
    }
}
