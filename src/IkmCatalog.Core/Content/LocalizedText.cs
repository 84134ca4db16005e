namespace IkmCatalog.Content;

/// <summary>
/// A text kept in both site languages. Indonesian is the default and always present; English is shown to
/// exporters and falls back to Indonesian only while an editor has not translated it yet.
/// </summary>
[System.ComponentModel.DataAnnotations.Schema.ComplexType]
public sealed record LocalizedText
{
    public string Indonesian { get; set; } = "";

    public string? English { get; set; }

    public LocalizedText() { }

    public LocalizedText(string indonesian, string? english)
    {
        Indonesian = indonesian;
        English = english;
    }

    public string For(string culture) =>
        Cultures.IsEnglish(culture) && !string.IsNullOrWhiteSpace(English) ? English : Indonesian;

    public override string ToString() => Indonesian;
}

public static class Cultures
{
    public const string Indonesian = "id";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Indonesian, English];

    public static bool IsEnglish(string? culture) =>
        culture is not null && culture.StartsWith(English, StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps any culture name (en-GB, id-ID, null) to one of the two site cultures.</summary>
    public static string Normalize(string? culture) => IsEnglish(culture) ? English : Indonesian;
}
