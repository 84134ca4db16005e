using System.Globalization;
using IkmCatalog.Media;

namespace IkmCatalog.Web.Media;

/// <summary>
/// Named sizes the views ask for: the largest width, the proportions of the crop (width ÷ height; the focal point
/// stays in frame) and the <c>sizes</c> attribute telling the browser how wide the image is laid out.
/// </summary>
public sealed record ImagePreset(string Name, int Width, double Aspect, string Sizes)
{
    public static readonly IReadOnlyDictionary<string, ImagePreset> All = new Dictionary<string, ImagePreset>
    {
        ["thumb"] = new("thumb", 160, 1.0, "80px"),
        ["card"] = new("card", 640, 4.0 / 3, "(min-width: 64rem) 25vw, (min-width: 40rem) 50vw, 100vw"),
        ["gallery"] = new("gallery", 1280, 4.0 / 3, "(min-width: 64rem) 50vw, 100vw"),
        ["hero"] = new("hero", 1600, 16.0 / 9, "100vw"),
    };

    public static ImagePreset Find(string? name) => name is not null && All.TryGetValue(name, out var preset) ? preset : All["card"];

    public int HeightFor(int width) => Math.Max(1, (int)Math.Round(width / Aspect));
}

/// <summary>Signed URLs for media: image variants (views, tag helper, delivery API, Open Graph) and document downloads.</summary>
public static class MediaUrls
{
    /// <summary>Candidate widths of a srcset.</summary>
    public static readonly int[] Widths = [160, 320, 640, 960, 1280, 1600];

    /// <summary>
    /// The widths a preset offers for an item: the standard widths up to the preset's, none wider than the
    /// original (variants are never enlarged), plus the original's own width when it is narrower than the preset.
    /// </summary>
    public static IReadOnlyList<int> WidthsFor(MediaItem item, ImagePreset preset)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(preset);
        // The widest crop the original allows at this preset's proportions.
        var limit = Math.Min(preset.Width, item.Height > 0 ? Math.Min(item.Width, (int)Math.Floor(item.Height * preset.Aspect)) : item.Width);
        var widths = Widths.Where(w => w <= limit).ToList();
        if (limit > 0 && limit < preset.Width && (widths.Count == 0 || widths[^1] != limit))
        {
            widths.Add(limit);
        }
        return widths.Count > 0 ? widths : [Math.Max(1, limit)];
    }

    /// <summary>A signed crop of the item at the preset's proportions.</summary>
    public static string Variant(MediaSigner signer, MediaItem item, ImagePreset preset, int width) =>
        Image(signer, item, new ImageCommand(width, preset.HeightFor(width), ResizeMode.Crop, null, null, item.Version));

    /// <summary>A signed URL for any command (the format left to negotiation unless it says otherwise).</summary>
    public static string Image(MediaSigner signer, MediaItem item, ImageCommand command)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(command);
        var normalized = command.Normalize();
        var signature = signer.Sign(ImageCommand.Signable(item.Id, item.FileName, normalized));
        return string.Create(CultureInfo.InvariantCulture, $"/media/{item.Id}/{Uri.EscapeDataString(item.FileName)}?{normalized}&sig={signature}");
    }

    /// <summary>The largest variant of a preset: for Open Graph and the delivery API.</summary>
    public static string Preset(HttpContext context, MediaItem item, string preset)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        var p = ImagePreset.Find(preset);
        return Variant(context.RequestServices.GetRequiredService<MediaSigner>(), item, p, WidthsFor(item, p)[^1]);
    }

    /// <summary>A document (certificate scan) download.</summary>
    public static string Document(HttpContext context, MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(item);
        return Image(context.RequestServices.GetRequiredService<MediaSigner>(), item, new ImageCommand(null, null, ResizeMode.Fit, null, null, item.Version));
    }
}
