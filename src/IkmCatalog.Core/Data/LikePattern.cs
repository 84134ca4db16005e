namespace IkmCatalog.Data;

/// <summary>Backoffice "find" boxes as SQL LIKE patterns that work the same on SQLite and PostgreSQL.</summary>
public static class LikePattern
{
    /// <summary>The escape character the patterns use (pass it to <c>EF.Functions.Like</c>).</summary>
    public const string Escape = "\\";

    /// <summary>
    /// "Contains the text", lower-cased (compare with lower-cased columns: LIKE is case-sensitive on PostgreSQL and
    /// not on SQLite), with the text's own % and _ matched literally.
    /// </summary>
    public static string Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
