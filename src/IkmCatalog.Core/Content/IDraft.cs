namespace IkmCatalog.Content;

/// <summary>A rule a draft breaks: the form field it belongs to and the UI string key of the message.</summary>
public sealed record DraftError(string Field, string Message, params object[] Arguments);

/// <summary>A row a draft points at (its producer, category, region): the form field and the entity's key.</summary>
public sealed record DraftReference(string Field, Type Entity, int Id);

/// <summary>
/// The editable values of a document together with its relations (images in order with alt text, certificates,
/// category…): what an editor saves, what a version keeps and what publishing puts live. Serialised as JSON in
/// <see cref="ContentVersion.Snapshot"/>; property names follow the document's, so older snapshots still read.
/// </summary>
public interface IDraft
{
    string Slug { get; set; }

    /// <summary>The document's name or title, which the slug is made from.</summary>
    LocalizedText Title { get; }

    /// <summary>Rules beyond the form's own checks (required Indonesian text, certificate numbers, dates).</summary>
    IEnumerable<DraftError> Validate(DateOnly today);

    /// <summary>Writes the values and relations onto a document loaded with <see cref="DocumentType.LoadAsync"/>.</summary>
    void ApplyTo(Document document);

    /// <summary>Media items the draft shows (for "used by" and to check they exist).</summary>
    IEnumerable<int> MediaIds();

    /// <summary>Other rows the draft points at, checked to exist before anything is saved.</summary>
    IEnumerable<DraftReference> References();
}
