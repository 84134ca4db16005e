using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IkmCatalog.Web.Features.Inquiries;

/// <summary>
/// The public forms' fields: label, input, hint and the message for that field (from ModelState, already in the
/// page's language) tied together with ids, aria-describedby and aria-invalid.
/// </summary>
public static class InquiryFields
{
    public static string IdOf(string name) => "f-" + name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    public static string? ErrorOf(ViewContext view, string name)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
    }

    /// <summary>The field's message element (empty when valid, so describedby never points at nothing).</summary>
    public static IHtmlContent Error(ViewContext view, string name)
    {
        var error = ErrorOf(view, name);
        return error is null ? HtmlString.Empty : new HtmlString($"<p class=\"field-error\" id=\"{IdOf(name)}-error\">{E(error)}</p>");
    }

    /// <summary>Attributes for an input: aria-describedby (hint and/or message) and aria-invalid.</summary>
    public static string Describe(ViewContext view, string name, params string?[] hints)
    {
        var error = ErrorOf(view, name);
        var ids = hints.Where(h => h is not null).Append(error is null ? null : IdOf(name) + "-error").OfType<string>().ToList();
        return (ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"") + (error is null ? "" : " aria-invalid=\"true\"");
    }

    public static IHtmlContent Text(ViewContext view, string name, string label, string? value, string type = "text",
        string? autocomplete = null, bool required = false, string? hint = null, string? extra = null, string? optional = null)
    {
        var id = IdOf(name);
        var hintId = hint is null ? null : id + "-hint";
        var html = $"<div class=\"field\"><label for=\"{id}\">{E(label)}{(required || optional is null ? "" : $" <span class=\"optional\">{E(optional)}</span>")}</label>"
            + (hint is null ? "" : $"<p class=\"hint\" id=\"{hintId}\">{E(hint)}</p>")
            + $"<input id=\"{id}\" name=\"{E(name)}\" type=\"{type}\" value=\"{E(value)}\""
            + (autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")
            + (required ? " required aria-required=\"true\"" : "")
            + Describe(view, name, hintId)
            + (extra is null ? "" : " " + extra) + ">"
            + Error(view, name) + "</div>";
        return new HtmlString(html);
    }

    public static IHtmlContent TextArea(ViewContext view, string name, string label, string? value, int rows = 4, string? hint = null, string? optional = null)
    {
        var id = IdOf(name);
        var hintId = hint is null ? null : id + "-hint";
        var html = $"<div class=\"field\"><label for=\"{id}\">{E(label)}{(optional is null ? "" : $" <span class=\"optional\">{E(optional)}</span>")}</label>"
            + (hint is null ? "" : $"<p class=\"hint\" id=\"{hintId}\">{E(hint)}</p>")
            + $"<textarea id=\"{id}\" name=\"{E(name)}\" rows=\"{rows}\"{Describe(view, name, hintId)}>{E(value)}</textarea>"
            + Error(view, name) + "</div>";
        return new HtmlString(html);
    }

    private static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");
}
