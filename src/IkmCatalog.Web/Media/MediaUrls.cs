using IkmCatalog.Media;

namespace IkmCatalog.Web.Media;

/// <summary>Named sizes the views ask for; each maps to a width and an aspect ratio (0 = keep the original's).</summary>
public sealed record ImagePreset(string Name, int Width, double Aspect, string Sizes)
{
    public static readonly IReadOnlyDictionary<string, ImagePreset> All = new Dictionary<string, ImagePreset>
    {
        ["thumb"] = new("thumb", 160, 1.0, "80px"),
        ["card"] = new("card", 640, 4.0 / 3, "(min-width: 64rem) 25vw, (min-width: 40rem) 50vw, 100vw"),
        ["gallery"] = new("gallery", 1280, 4.0 / 3, "(min-width: 64rem) 50vw, 100vw"),
        ["hero"] = new("hero", 1600, 16.0 / 9, "100vw"),
    };
}

public static class MediaUrls
{
    public static readonly int[] Widths = [160, 320, 640, 960, 1280, 1600];

    public static string Variant(MediaItem item, int width)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"/media/{item.Id}/{Uri.EscapeDataString(item.FileName)}?v={item.Hash}&w={width}";
    }

    public static string Preset(HttpContext context, MediaItem item, string preset) =>
        Variant(item, ImagePreset.All.TryGetValue(preset, out var p) ? p.Width : 640);
}
