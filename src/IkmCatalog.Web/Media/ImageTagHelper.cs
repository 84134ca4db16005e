using System.Globalization;
using IkmCatalog.Media;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace IkmCatalog.Web.Media;

/// <summary>
/// <c>&lt;ikm-img media="…" preset="card" /&gt;</c>: a responsive image with a signed srcset, sizes, intrinsic width/height
/// (no layout shift), lazy loading and alt text in the current language.
/// </summary>
[HtmlTargetElement("ikm-img", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ImageTagHelper(MediaSigner signer) : TagHelper
{
    public MediaItem? Media { get; set; }

    public string Preset { get; set; } = "card";

    /// <summary>Above-the-fold images load eagerly.</summary>
    public bool Eager { get; set; }

    public string? Alt { get; set; }

    /// <summary>How wide the image is laid out here (one of <see cref="ImageSizes"/>); the preset's default otherwise.</summary>
    public string? Sizes { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "img";
        output.TagMode = TagMode.SelfClosing;
        if (Media is null || Media.Kind != MediaKind.Image)
        {
            output.SuppressOutput();
            return;
        }
        var preset = ImagePreset.Find(Preset);
        var widths = MediaUrls.WidthsFor(Media, preset);
        var width = widths[^1];
        output.Attributes.SetAttribute("src", MediaUrls.Variant(signer, Media, preset, width, preset.QualityFor(width)));
        output.Attributes.SetAttribute("srcset", MediaUrls.Srcset(signer, Media, preset));
        output.Attributes.SetAttribute("sizes", Sizes ?? preset.Sizes);
        output.Attributes.SetAttribute("width", width.ToString(CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("height", preset.HeightFor(width).ToString(CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("alt", Alt ?? Media.Alt.For(CultureInfo.CurrentUICulture.Name));
        output.Attributes.SetAttribute("loading", Eager ? "eager" : "lazy");
        output.Attributes.SetAttribute("decoding", "async");
        if (Eager)
        {
            output.Attributes.SetAttribute("fetchpriority", "high");
        }
    }
}
