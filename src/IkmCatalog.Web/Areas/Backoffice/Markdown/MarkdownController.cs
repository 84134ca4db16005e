using IkmCatalog.Content;
using Microsoft.AspNetCore.Mvc;

namespace IkmCatalog.Web.Areas.Backoffice.Markdown;

/// <summary>
/// Live preview for the edit forms' Markdown fields (see markdown-preview.js): the text rendered exactly as the
/// public site will show it, by the same renderer, so what the editor sees is what visitors get.
/// </summary>
[Route("backoffice/markdown")]
public sealed class MarkdownController(MarkdownRenderer renderer) : BackofficeController
{
    /// <summary>The longest text previewed; longer ones are answered with 400 without rendering.</summary>
    public const int MaxLength = 20_000;

    [HttpPost("preview")]
    [RequestSizeLimit(256 * 1024)] // MaxLength characters form-encoded at their widest, plus the antiforgery token
    public IActionResult Preview([FromForm] string? markdown)
    {
        if (markdown?.Length > MaxLength)
        {
            return BadRequest();
        }
        return Content(renderer.ToHtml(markdown), "text/html; charset=utf-8");
    }
}
