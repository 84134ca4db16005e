using System.Text.Encodings.Web;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Inquiries;

/// <summary>How the inbox words a response time: minutes, hours and minutes, or days and hours.</summary>
public static class InquiryDisplay
{
    public static string Duration(TimeSpan span, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        var minutes = (long)Math.Round(span.TotalMinutes);
        return minutes switch
        {
            < 60 => text["backoffice.inquiries.duration.minutes", minutes].Value,
            < 24 * 60 => text["backoffice.inquiries.duration.hours", minutes / 60, minutes % 60].Value,
            _ => text["backoffice.inquiries.duration.days", minutes / (24 * 60), minutes / 60 % 24].Value,
        };
    }

    public static string Duration(TimeSpan span, IStringLocalizer<UiStrings> text) => Duration(span, (IStringLocalizer)text);

    /// <summary>
    /// An option of a plain select, selected or not: written out because the option tag helper would render a
    /// false "selected" as an attribute, which selects it.
    /// </summary>
    public static IHtmlContent Option(string value, string label, bool selected) =>
        new HtmlString($"<option value=\"{HtmlEncoder.Default.Encode(value)}\"{(selected ? " selected" : "")}>{HtmlEncoder.Default.Encode(label)}</option>");
}
