using System.Reflection;
using System.Text.Json;

namespace IkmCatalog.Themes;

/// <summary>What a theme's theme.json says about it.</summary>
public sealed record ThemeManifest
{
    /// <summary>Folder name, also the key used in IkmCatalog:Theme.</summary>
    public string Name { get; init; } = "";

    public string DisplayName { get; init; } = "";

    /// <summary>Theme whose views apply where this one has none (default: "default").</summary>
    public string? BaseTheme { get; init; }

    public string PrimaryColor { get; init; } = "#0f5f4a";

    public string AccentColor { get; init; } = "#d9822b";

    /// <summary>Stylesheets under this assembly's wwwroot, loaded after the base theme's.</summary>
    public IReadOnlyList<string> Stylesheets { get; init; } = [];

    /// <summary>Square SVG logo; the PNG and ICO icons drawn from it live in an icons/ folder beside it.</summary>
    public string? Logo { get; init; }

    /// <summary>Page background colour, also the splash screen's of the installed web app (null: the base theme's).</summary>
    public string? BackgroundColor { get; init; }

    /// <summary>The office's contact details this theme's site shows unless configuration (IkmCatalog:Office) says otherwise.</summary>
    public ThemeOffice? Office { get; init; }
}

/// <summary>The "office" object of a theme.json: the same fields as IkmCatalog:Office.</summary>
public sealed record ThemeOffice
{
    public string? Name { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? WhatsApp { get; init; }

    public string? Email { get; init; }

    public string? HoursIndonesian { get; init; }

    public string? HoursEnglish { get; init; }
}

/// <summary>The themes shipped in this library, read from their embedded theme.json files.</summary>
public static class ThemeRegistry
{
    public const string DefaultTheme = "default";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly Lazy<IReadOnlyDictionary<string, ThemeManifest>> Manifests = new(Load);

    public static IReadOnlyDictionary<string, ThemeManifest> All => Manifests.Value;

    /// <summary>The theme and its base themes, most specific first.</summary>
    public static IReadOnlyList<ThemeManifest> Chain(string name)
    {
        var chain = new List<ThemeManifest>();
        var current = name;
        while (current is not null && All.TryGetValue(current, out var manifest) && !chain.Contains(manifest))
        {
            chain.Add(manifest);
            current = manifest.Name == DefaultTheme ? null : manifest.BaseTheme ?? DefaultTheme;
        }
        return chain;
    }

    private static Dictionary<string, ThemeManifest> Load()
    {
        var assembly = typeof(ThemeRegistry).Assembly;
        var result = new Dictionary<string, ThemeManifest>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("themes/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var folder = resource["themes/".Length..^"/theme.json".Length];
            var manifest = JsonSerializer.Deserialize<ThemeManifest>(stream, Json) ?? new ThemeManifest();
            result[folder] = manifest with { Name = folder };
        }
        return result;
    }
}
