namespace IkmCatalog.Content;

public enum VersionState
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

/// <summary>A snapshot of a document's editable values: the pending draft, the published one or history.</summary>
public sealed class ContentVersion
{
    public long Id { get; set; }

    public string DocumentType { get; set; } = "";

    public int DocumentId { get; set; }

    public int Number { get; set; }

    public VersionState State { get; set; }

    /// <summary>JSON of the document's values at this version.</summary>
    public string Snapshot { get; set; } = "{}";

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";
}

/// <summary>Who did what to which document, kept for the office's accountability.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public string DocumentType { get; set; } = "";

    public int DocumentId { get; set; }

    public string Action { get; set; } = "";

    public string User { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string? Detail { get; set; }
}

/// <summary>An old slug of a document; requests for it are answered with a 301 to the current one.</summary>
public sealed class SlugRedirect
{
    public int Id { get; set; }

    public string DocumentType { get; set; } = "";

    public string OldSlug { get; set; } = "";

    public int DocumentId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
