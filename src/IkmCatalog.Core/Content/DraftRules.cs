namespace IkmCatalog.Content;

/// <summary>Checks every draft shares: text present, lengths, slugs.</summary>
public static class DraftRules
{
    public static IEnumerable<DraftError> RequiredIndonesian(string field, LocalizedText? text, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(text?.Indonesian))
        {
            yield return new DraftError($"{field}.Indonesian", "content.error.required");
        }
        else if (text.Indonesian.Length > maxLength)
        {
            yield return new DraftError($"{field}.Indonesian", "content.error.max-length", maxLength);
        }
        if (text?.English is { Length: > 0 } english && english.Length > maxLength)
        {
            yield return new DraftError($"{field}.English", "content.error.max-length", maxLength);
        }
    }

    public static IEnumerable<DraftError> MaxLength(string field, LocalizedText? text, int maxLength)
    {
        if (text?.Indonesian is { } id && id.Length > maxLength)
        {
            yield return new DraftError($"{field}.Indonesian", "content.error.max-length", maxLength);
        }
        if (text?.English is { } en && en.Length > maxLength)
        {
            yield return new DraftError($"{field}.English", "content.error.max-length", maxLength);
        }
    }

    public static IEnumerable<DraftError> Slug(string? slug)
    {
        if (!string.IsNullOrEmpty(slug) && !Slugs.IsValid(slug))
        {
            yield return new DraftError("Slug", "content.error.slug-format");
        }
    }
}
