using System.Globalization;
using System.Text.Encodings.Web;
using IkmCatalog.Content;
using Microsoft.AspNetCore.Html;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Content;

/// <summary>
/// The edit forms' fields: label, input, help and the message for that field (from ModelState, in the editor's
/// language) tied together with ids and aria attributes, for fields whose names are built at run time.
/// </summary>
public static class FormFields
{
    public static string IdOf(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static IHtmlContent Text(ViewContext view, string name, string label, object? value, string type = "text",
        string? lang = null, string? help = null, bool required = false, string? extra = null)
    {
        var id = IdOf(name);
        var (error, describedBy) = Describe(view, name, id, help);
        var html = $"<input id=\"{id}\" name=\"{E(name)}\" type=\"{type}\" value=\"{E(Format(value))}\"{Lang(lang)}{(required ? " required" : "")}{describedBy}{(error is null ? "" : " aria-invalid=\"true\"")}{(extra is null ? "" : " " + extra)}>";
        return Field(id, label, html, help, error);
    }

    public static IHtmlContent TextArea(ViewContext view, string name, string label, string? value, string? lang = null,
        string? help = null, bool markdown = false, int rows = 4, bool required = false)
    {
        var id = IdOf(name);
        var (error, describedBy) = Describe(view, name, id, help);
        var previewAttribute = markdown ? $" data-markdown-preview=\"{id}-preview\"" : "";
        var html = $"<textarea id=\"{id}\" name=\"{E(name)}\" rows=\"{rows}\"{Lang(lang)}{(required ? " required" : "")}{describedBy}{previewAttribute}{(error is null ? "" : " aria-invalid=\"true\"")}>{E(value)}</textarea>";
        if (markdown)
        {
            // A labelled region, announced politely as it updates.
            var preview = view.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<UiStrings>>()["content.preview"];
            html += $"<div class=\"bo-md-preview\" id=\"{id}-preview\" role=\"region\"{Lang(lang)} aria-live=\"polite\" aria-label=\"{E(preview)}: {E(label)}\"></div>";
        }
        return Field(id, label, html, help, error);
    }

    public static IHtmlContent Select(ViewContext view, string name, string label, IEnumerable<(string Value, string Text)> options,
        string? selected, string? empty = null, string? help = null)
    {
        var id = IdOf(name);
        var (error, describedBy) = Describe(view, name, id, help);
        var html = $"<select id=\"{id}\" name=\"{E(name)}\"{describedBy}{(error is null ? "" : " aria-invalid=\"true\"")}>"
            + (empty is null ? "" : $"<option value=\"\">{E(empty)}</option>")
            + string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == selected ? " selected" : "")}>{E(o.Text)}</option>"))
            + "</select>";
        return Field(id, label, html, help, error);
    }

    public static IHtmlContent Check(ViewContext view, string name, string label, bool value, string? help = null)
    {
        var id = IdOf(name);
        var (error, describedBy) = Describe(view, name, id, help);
        var html = $"<div class=\"bo-check\"><input id=\"{id}\" name=\"{E(name)}\" type=\"checkbox\" value=\"true\"{(value ? " checked" : "")}{describedBy}>"
            + $"<input type=\"hidden\" name=\"{E(name)}\" value=\"false\"><label for=\"{id}\">{E(label)}</label></div>"
            + (help is null ? "" : $"<p class=\"bo-help\" id=\"{id}-help\">{E(help)}</p>")
            + (error is null ? "" : $"<p class=\"bo-field-error\" id=\"{id}-error\">{E(error)}</p>");
        return new HtmlString(html);
    }

    /// <summary>Indonesian and English side by side.</summary>
    public static IHtmlContent Pair(ViewContext view, string name, string labelIndonesian, string labelEnglish, LocalizedText? value,
        bool multiline = false, bool markdown = false, int rows = 4, bool required = false, string? help = null)
    {
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<div class=\"bo-pair\">");
        if (multiline || markdown)
        {
            builder.AppendHtml(TextArea(view, name + ".Indonesian", labelIndonesian, value?.Indonesian, "id", help, markdown, rows, required));
            builder.AppendHtml(TextArea(view, name + ".English", labelEnglish, value?.English, "en", null, markdown, rows));
        }
        else
        {
            builder.AppendHtml(Text(view, name + ".Indonesian", labelIndonesian, value?.Indonesian, lang: "id", help: help, required: required));
            builder.AppendHtml(Text(view, name + ".English", labelEnglish, value?.English, lang: "en"));
        }
        builder.AppendHtml("</div>");
        return builder;
    }

    private static HtmlString Field(string id, string label, string control, string? help, string? error) => new(
        $"<div class=\"bo-field\"><label for=\"{id}\">{E(label)}</label>{control}"
        + (help is null ? "" : $"<p class=\"bo-help\" id=\"{id}-help\">{E(help)}</p>")
        + (error is null ? "" : $"<p class=\"bo-field-error\" id=\"{id}-error\">{E(error)}</p>")
        + "</div>");

    private static (string? Error, string DescribedBy) Describe(ViewContext view, string name, string id, string? help)
    {
        var error = view.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
        var ids = new[] { help is null ? null : id + "-help", error is null ? null : id + "-error" }.OfType<string>().ToList();
        return (error, ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Lang(string? lang) => lang is null ? "" : $" lang=\"{lang}\"";

    private static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");
}
