using System.Globalization;
using IkmCatalog.Media;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace IkmCatalog.Web.Media;

/// <summary>
/// <c>&lt;ikm-img media="…" preset="card" /&gt;</c>: a responsive image with srcset, sizes, intrinsic width/height
/// (no layout shift), lazy loading and alt text in the current language.
/// </summary>
[HtmlTargetElement("ikm-img", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ImageTagHelper : TagHelper
{
    public MediaItem? Media { get; set; }

    public string Preset { get; set; } = "card";

    /// <summary>Above-the-fold images load eagerly.</summary>
    public bool Eager { get; set; }

    public string? Alt { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "img";
        output.TagMode = TagMode.SelfClosing;
        if (Media is null)
        {
            output.SuppressOutput();
            return;
        }
        var preset = ImagePreset.All.TryGetValue(Preset, out var p) ? p : ImagePreset.All["card"];
        var widths = MediaUrls.Widths.Where(w => w <= Math.Min(preset.Width, Media.Width)).DefaultIfEmpty(MediaUrls.Widths[0]).ToList();
        var width = widths[^1];
        var height = (int)Math.Round(width * Media.Height / (double)Math.Max(1, Media.Width));
        output.Attributes.SetAttribute("src", MediaUrls.Variant(Media, width));
        output.Attributes.SetAttribute("srcset", string.Join(", ", widths.Select(w => $"{MediaUrls.Variant(Media, w)} {w}w")));
        output.Attributes.SetAttribute("sizes", preset.Sizes);
        output.Attributes.SetAttribute("width", width.ToString(CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("height", height.ToString(CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("alt", Alt ?? Media.Alt.For(CultureInfo.CurrentUICulture.Name));
        output.Attributes.SetAttribute("loading", Eager ? "eager" : "lazy");
        output.Attributes.SetAttribute("decoding", "async");
    }
}
