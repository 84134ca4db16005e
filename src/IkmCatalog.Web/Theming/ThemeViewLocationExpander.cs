using IkmCatalog.Themes;
using Microsoft.AspNetCore.Mvc.Razor;

namespace IkmCatalog.Web.Theming;

/// <summary>
/// Puts the active theme's view folders (then its base themes') before the application's own, so a theme
/// overrides any view or partial by placing a file at the same relative path. The theme name is part of the
/// view cache key.
/// </summary>
public sealed class ThemeViewLocationExpander(ActiveTheme theme) : IViewLocationExpander
{
    private const string ThemeKey = "theme";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Values[ThemeKey] = theme.Name;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var themed = theme.Chain.SelectMany(t => new[]
        {
            $"/Themes/{t.Name}/Views/{{1}}/{{0}}.cshtml",
            $"/Themes/{t.Name}/Views/Shared/{{0}}.cshtml",
        });
        return themed.Concat(viewLocations);
    }
}

/// <summary>The theme chosen by IkmCatalog:Theme, with its base themes.</summary>
public sealed class ActiveTheme
{
    public ActiveTheme(string name)
    {
        if (!ThemeRegistry.All.TryGetValue(name, out var manifest))
        {
            throw new InvalidOperationException(
                $"Theme '{name}' (IkmCatalog:Theme) does not exist. Installed themes: {string.Join(", ", ThemeRegistry.All.Keys.Order())}.");
        }
        Manifest = manifest;
        Chain = ThemeRegistry.Chain(manifest.Name);
    }

    public string Name => Manifest.Name;

    public ThemeManifest Manifest { get; }

    public IReadOnlyList<ThemeManifest> Chain { get; }

    /// <summary>Stylesheets from the base theme up to this one, in load order.</summary>
    public IEnumerable<string> Stylesheets => Chain.Reverse().SelectMany(t => t.Stylesheets).Distinct();

    public string Logo => Chain.Select(t => t.Logo).FirstOrDefault(l => l is not null) ?? "default/logo.svg";

    /// <summary>The page background of installed web apps and their splash screens.</summary>
    public string BackgroundColor => Chain.Select(t => t.BackgroundColor).FirstOrDefault(c => c is not null) ?? "#ffffff";

    /// <summary>
    /// URL path of one of the icons drawn from the logo (favicon.ico, icon-192.png, icon-512.png,
    /// apple-touch-icon.png): they live in an icons/ folder beside it.
    /// </summary>
    public string IconPath(string file) => $"/_content/IkmCatalog.Themes/{Logo[..(Logo.LastIndexOf('/') + 1)]}icons/{file}";
}
