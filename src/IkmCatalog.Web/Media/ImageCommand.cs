using System.Globalization;
using System.Text;

namespace IkmCatalog.Web.Media;

public enum ResizeMode
{
    Fit,
    Crop,
}

public enum ImageFormat
{
    WebP,
    Jpeg,
    Png,
}

/// <summary>
/// What an image URL asks for: <c>w</c>, <c>h</c>, <c>mode</c> (fit|crop), <c>fmt</c> (webp|jpeg|png), <c>q</c> (1–100)
/// and <c>v</c> (the item's version). Its normalised form (keys sorted, defaults dropped, lower case) is what is
/// signed, so two spellings of one command share a signature and a cache entry.
/// </summary>
public sealed record ImageCommand(int? Width, int? Height, ResizeMode Mode, ImageFormat? Format, int? Quality, string Version)
{
    public const int MaxRequestedDimension = 100_000;

    private static readonly string[] Known = ["fmt", "h", "mode", "q", "sig", "v", "w"];

    public bool HasResizeCommands => Width is not null || Height is not null || Mode != ResizeMode.Fit || Format is not null || Quality is not null;

    /// <summary>Parses a query string strictly: an unknown, repeated or malformed parameter makes the URL invalid.</summary>
    public static bool TryParse(IQueryCollection query, out ImageCommand command, out string? signature)
    {
        ArgumentNullException.ThrowIfNull(query);
        command = null!;
        signature = null;
        foreach (var (key, values) in query)
        {
            if (values.Count != 1 || Array.IndexOf(Known, key) < 0)
            {
                return false; // case-sensitive on purpose: one spelling per command
            }
        }
        signature = query["sig"].ToString();
        int? width = null, height = null, quality = null;
        if ((query.TryGetValue("w", out var w) && !TryDimension(w.ToString(), out width))
            || (query.TryGetValue("h", out var h) && !TryDimension(h.ToString(), out height)))
        {
            return false;
        }
        if (query.TryGetValue("q", out var q))
        {
            if (!int.TryParse(q.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 100)
            {
                return false;
            }
            quality = value;
        }
        var mode = ResizeMode.Fit;
        if (query.TryGetValue("mode", out var m))
        {
            switch (m.ToString().ToLowerInvariant())
            {
                case "fit": mode = ResizeMode.Fit; break;
                case "crop": mode = ResizeMode.Crop; break;
                default: return false;
            }
        }
        ImageFormat? format = null;
        if (query.TryGetValue("fmt", out var f))
        {
            switch (f.ToString().ToLowerInvariant())
            {
                case "webp": format = ImageFormat.WebP; break;
                case "jpeg" or "jpg": format = ImageFormat.Jpeg; break;
                case "png": format = ImageFormat.Png; break;
                default: return false;
            }
        }
        var version = query["v"].ToString().ToLowerInvariant();
        if (version.Length is 0 or > 40 || !version.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            return false;
        }
        command = new ImageCommand(width, height, mode, format, quality, version);
        return true;
    }

    /// <summary>The canonical query string (without the signature): keys in order, defaults left out.</summary>
    public string Normalize()
    {
        var s = new StringBuilder(48);
        void Add(string key, string value)
        {
            s.Append(s.Length == 0 ? "" : "&").Append(key).Append('=').Append(value);
        }
        if (Format is { } format)
        {
            Add("fmt", FormatName(format));
        }
        if (Height is { } h)
        {
            Add("h", h.ToString(CultureInfo.InvariantCulture));
        }
        if (Mode == ResizeMode.Crop)
        {
            Add("mode", "crop");
        }
        if (Quality is { } q)
        {
            Add("q", q.ToString(CultureInfo.InvariantCulture));
        }
        Add("v", Version);
        if (Width is { } w)
        {
            Add("w", w.ToString(CultureInfo.InvariantCulture));
        }
        return s.ToString();
    }

    /// <summary>The string the signature covers: path plus normalised commands.</summary>
    public static string Signable(int id, string name, string normalized) =>
        string.Create(CultureInfo.InvariantCulture, $"/media/{id}/{name}?{normalized}");

    public static string FormatName(ImageFormat format) => format switch
    {
        ImageFormat.WebP => "webp",
        ImageFormat.Png => "png",
        _ => "jpeg",
    };

    private static bool TryDimension(string text, out int? value)
    {
        value = null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > MaxRequestedDimension)
        {
            return false;
        }
        value = parsed;
        return true;
    }
}
