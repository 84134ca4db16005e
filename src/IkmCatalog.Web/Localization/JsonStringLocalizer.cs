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
