using IkmCatalog.Media;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Media;

/// <summary>Turns a media library result into the editor's language (the keys live in Resources/strings.*.json).</summary>
public static class MediaMessages
{
    public static string? Describe(this MediaResult result, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(localizer);
        return result.MessageKey is null ? null : localizer[result.MessageKey, [.. result.MessageArgs]].Value;
    }
}
