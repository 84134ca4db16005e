namespace IkmCatalog.Web.Areas.Backoffice.Markdown;

/// <summary>
/// A Markdown text field with its live preview (Shared/_MarkdownField.cshtml). <paramref name="Language"/> is the
/// language of the text ("id" or "en"), for spelling and screen readers; <paramref name="Error"/> is shown under the
/// field and announced with it. The page adds <c>~/backoffice/markdown-preview.js</c> (defer) once.
/// </summary>
public sealed record MarkdownField(string Name, string Id, string Label, string? Value, string Language, string? Error, int Rows = 12);
