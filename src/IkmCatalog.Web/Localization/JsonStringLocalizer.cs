using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using IkmCatalog.Content;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Localization;

/// <summary>
/// UI text from Resources/strings.id.json and strings.en.json (flat key → text). One file per language keeps
/// translation work in one place; a test checks both files carry the same keys.
/// </summary>
public sealed class UiStrings
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public UiStrings()
    {
        var assembly = typeof(UiStrings).Assembly;
        _byCulture = Cultures.All.ToFrozenDictionary(c => c, c =>
        {
            using var stream = assembly.GetManifestResourceStream($"strings.strings.{c}.json")
                ?? throw new InvalidOperationException($"UI strings for '{c}' are missing.");
            return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary();
        });
    }

    public IReadOnlyDictionary<string, string> For(string culture) => _byCulture[Cultures.Normalize(culture)];

    public string? Find(string culture, string key) => For(culture).TryGetValue(key, out var value) ? value : null;

    /// <summary>
    /// A text in a given language rather than the request's (emails are written in the buyer's), its {0} placeholders
    /// filled with numbers and dates formatted for that language; the key itself when the text is missing.
    /// </summary>
    public string Text(string culture, string key, params object?[] values)
    {
        var text = Find(culture, key) ?? key;
        return values.Length == 0 ? text : string.Format(FormatFor(culture), text, values);
    }

    /// <summary>How numbers and dates are written in a site language: Indonesian (1.250,5) or British English (1,250.5).</summary>
    public static CultureInfo FormatFor(string culture) =>
        CultureInfo.GetCultureInfo(Cultures.IsEnglish(culture) ? "en-GB" : "id-ID");
}

public sealed class JsonStringLocalizer(UiStrings strings) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = strings.Find(CultureInfo.CurrentUICulture.Name, name);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        strings.For(CultureInfo.CurrentUICulture.Name).Select(kv => new LocalizedString(kv.Key, kv.Value));
}

public sealed class JsonStringLocalizerFactory(UiStrings strings) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(strings);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
