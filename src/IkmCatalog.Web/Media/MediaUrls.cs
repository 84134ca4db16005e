using System.Globalization;
using IkmCatalog.Media;

namespace IkmCatalog.Web.Media;

/// <summary>
/// Named sizes the views ask for: the largest width, the proportions of the crop (width ÷ height; the focal point
/// stays in frame), the default <c>sizes</c> attribute telling the browser how wide the image is laid out (views
/// give a more exact one from <see cref="ImageSizes"/>) and <paramref name="DenseAbove"/>: the widest variant a
/// screen of one device pixel per CSS pixel ever picks at this preset's layout widths. Wider variants are chosen only by
/// 2× and 3× screens, whose small pixels hide compression, so they are encoded at <see cref="DenseQuality"/>: phones
/// get sharp images for about the bytes of the 1× ones.
/// </summary>
public sealed record ImagePreset(string Name, int Width, double Aspect, string Sizes, int DenseAbove = int.MaxValue)
{
    /// <summary>Encoder quality of variants only dense screens pick (the default for others is 80).</summary>
    public const int DenseQuality = 50;

    public static readonly IReadOnlyDictionary<string, ImagePreset> All = new Dictionary<string, ImagePreset>
    {
        ["thumb"] = new("thumb", 320, 1.0, "80px", DenseAbove: 160),
        // A card is never wider than 29rem (one column below 31rem), so 1× screens stop at 640.
        ["card"] = new("card", 960, 4.0 / 3, ImageSizes.ProductCard, DenseAbove: 640),
        // The product page's main photo is at most about 44rem wide.
        ["gallery"] = new("gallery", 1280, 4.0 / 3, ImageSizes.GalleryMain, DenseAbove: 960),
        // Articles are at most 50rem wide; a full-width hero would take 1600 on wide 1× screens.
        ["hero"] = new("hero", 1600, 16.0 / 9, "100vw", DenseAbove: 960),
    };

    public static ImagePreset Find(string? name) => name is not null && All.TryGetValue(name, out var preset) ? preset : All["card"];

    public int HeightFor(int width) => Math.Max(1, (int)Math.Round(width / Aspect));

    /// <summary>The encoder quality of a srcset candidate: null (the default) unless only dense screens pick it.</summary>
    public int? QualityFor(int width) => width > DenseAbove ? DenseQuality : null;
}

/// <summary>
/// Honest <c>sizes</c> attributes: how wide an image is laid out at each breakpoint of the default theme's CSS
/// (container 76rem with 1rem padding; grids of 14rem or 17rem minimum columns with 1rem gaps). A value a little too
/// large costs bytes; too small costs sharpness.
/// </summary>
public static class ImageSizes
{
    /// <summary>
    /// Product cards (home, related products, catalogue): one column below 31rem, two to 46rem, three to 56rem; wider,
    /// the home grid's 4–5 columns and the catalogue's 2–3 beside the filters are all at most 18.5rem.
    /// </summary>
    public const string ProductCard = "(min-width: 56rem) 18.5rem, (min-width: 46rem) calc(33.3vw - 1.4rem), (min-width: 31rem) calc(50vw - 1.5rem), calc(100vw - 2rem)";

    /// <summary>Producer, story and event cards (17rem minimum columns): one column below 37rem, two to 55rem, three to 73rem, then four.</summary>
    public const string WideCard = "(min-width: 73rem) 18rem, (min-width: 55rem) calc(33.3vw - 1.4rem), (min-width: 37rem) calc(50vw - 1.5rem), calc(100vw - 2rem)";

    /// <summary>The product and producer pages' main photo: full width below 56rem, then three fifths of the container.</summary>
    public const string GalleryMain = "(min-width: 76rem) 44rem, (min-width: 56rem) calc(60vw - 1.7rem), calc(100vw - 2rem)";

    /// <summary>The home page's story: full width below 48rem, then half the container.</summary>
    public const string StoryFeature = "(min-width: 76rem) 36rem, (min-width: 48rem) calc(50vw - 1.75rem), calc(100vw - 2rem)";

    /// <summary>Photos in an article (story, event): the article is at most 50rem wide.</summary>
    public const string Article = "(min-width: 52rem) 50rem, calc(100vw - 2rem)";

    /// <summary>The gallery's thumbnails.</summary>
    public const string Thumbnail = "4.5rem";

    /// <summary>Search results: the picture column is 5rem on phones, 8rem wider.</summary>
    public const string SearchResult = "(max-width: 40rem) 5rem, 8rem";

    /// <summary>The full-screen viewer.</summary>
    public const string Lightbox = "100vw";
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

    /// <summary>A signed crop of the item at the preset's proportions (quality: the encoder's default unless given).</summary>
    public static string Variant(MediaSigner signer, MediaItem item, ImagePreset preset, int width, int? quality = null) =>
        Image(signer, item, new ImageCommand(width, preset.HeightFor(width), ResizeMode.Crop, null, quality, item.Version));

    /// <summary>The candidates of a srcset ("url 640w, …"): the preset's widths, dense-only ones at the lower quality.</summary>
    public static string Srcset(MediaSigner signer, MediaItem item, ImagePreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return string.Join(", ", WidthsFor(item, preset).Select(w =>
            string.Create(CultureInfo.InvariantCulture, $"{Variant(signer, item, preset, w, preset.QualityFor(w))} {w}w")));
    }

    /// <summary>Widths of the whole photo, uncropped, for the full-screen viewer.</summary>
    public static readonly int[] FullWidths = [640, 960, 1280, 1600];

    /// <summary>The whole photo fitted into a width (never enlarged): what a photo link opens.</summary>
    public static string Full(MediaSigner signer, MediaItem item, int width)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Image(signer, item, new ImageCommand(item.Width > 0 ? Math.Min(width, item.Width) : width, null, ResizeMode.Fit, null, null, item.Version));
    }

    /// <summary>The whole photo at its largest viewer width: the href of gallery links, so they work without JavaScript.</summary>
    public static string FullLargest(MediaSigner signer, MediaItem item) => Full(signer, item, FullWidths[^1]);

    /// <summary>The srcset of the whole photo for the viewer, at the widths the original allows.</summary>
    public static string FullSrcset(MediaSigner signer, MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var limit = item.Width > 0 ? Math.Min(item.Width, FullWidths[^1]) : FullWidths[^1];
        var widths = FullWidths.Where(w => w < limit).Append(limit);
        return string.Join(", ", widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Full(signer, item, w)} {w}w")));
    }

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
