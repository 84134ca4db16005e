using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IkmCatalog.Web.Infrastructure.OutputCaching;

/// <summary>
/// "Hole punching" for forms on cached pages: a page the output cache may keep renders fixed markers where a
/// visitor's own values belong (the antiforgery token, the robot check's fill-time stamp), and
/// <see cref="FormHoleFiller"/>, outside the cache, fills them in for each visitor on every answer, hit or miss.
/// So a cached page never carries another visitor's token, and rendering it sets no cookie (which would stop caching).
/// </summary>
public static class FormHoles
{
    private const string CacheableKey = "IkmCatalog.OutputCache.Cacheable";

    /// <summary>Stands for the whole hidden antiforgery field.</summary>
    public const string TokenMarker = "<!--ikm:antiforgery-token-->";

    /// <summary>Stands for the value of the robot check's stamp field.</summary>
    public const string StampMarker = "ikm:form-stamp";

    internal static readonly byte[] TokenMarkerBytes = Encoding.UTF8.GetBytes(TokenMarker);
    internal static readonly byte[] StampMarkerBytes = Encoding.UTF8.GetBytes(StampMarker);

    /// <summary>Called by the cache policy: this request's answer may be kept and shown to others.</summary>
    public static void MarkCacheable(HttpContext context) => context.Items[CacheableKey] = true;

    public static bool IsCacheable(HttpContext context) => context?.Items.ContainsKey(CacheableKey) == true;

    /// <summary>The antiforgery field of a POST form: a marker on a page the cache may keep, else the field itself.</summary>
    public static IHtmlContent AntiforgeryField(IHtmlHelper html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return IsCacheable(html.ViewContext.HttpContext) ? new HtmlString(TokenMarker) : html.AntiForgeryToken();
    }

    /// <summary>The robot check's stamp: a marker on a page the cache may keep (a kept stamp would let robots post at once), else a fresh one.</summary>
    public static string Stamp(HttpContext context, FormGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return IsCacheable(context) ? StampMarker : guard.NewStamp();
    }
}

/// <summary>
/// Fills the form markers of <see cref="FormHoles"/> for this visitor: buffers the HTML answers of cacheable pages
/// (from the cache or freshly rendered), and when a marker is there, issues this visitor's antiforgery token (setting
/// its cookie) and a fresh stamp. Answers without a marker pass through unchanged (only buffered).
/// </summary>
public sealed class FormHoleFiller(RequestDelegate next, PublicPagePolicy policy, IAntiforgery antiforgery, FormGuard guard)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!PublicPagePolicy.IsPage(context.Request) || !policy.IsCacheable(context.Request))
        {
            await next(context);
            return;
        }
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new PooledBufferStream(64 * 1024);
        var buffering = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(buffering);
        try
        {
            await next(context);
            await buffering.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        var body = buffer.Written;
        var response = context.Response;
        var isHtml = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            && !response.Headers.ContainsKey("Content-Encoding");
        if (isHtml && NextMarker(body.Span) is not null)
        {
            var tokens = antiforgery.GetAndStoreTokens(context); // this visitor's token, and its cookie when it has none yet
            var field = Encoding.UTF8.GetBytes(
                $"<input name=\"{HtmlEncoder.Default.Encode(tokens.FormFieldName)}\" type=\"hidden\" value=\"{HtmlEncoder.Default.Encode(tokens.RequestToken ?? "")}\">");
            var stamp = Encoding.UTF8.GetBytes(HtmlEncoder.Default.Encode(guard.NewStamp()));
            response.ContentLength = FilledLength(body.Span, field.Length, stamp.Length);
            Fill(response.BodyWriter, body.Span, field, stamp);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
            return;
        }
        if (body.Length > 0)
        {
            // Nothing written stays nothing written: an empty 404 must still reach the status code pages.
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>Writes the body with every token marker replaced by <paramref name="field"/> and every stamp marker by <paramref name="stamp"/>.</summary>
    public static void Fill(IBufferWriter<byte> output, ReadOnlySpan<byte> body, ReadOnlySpan<byte> field, ReadOnlySpan<byte> stamp)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rest = body;
        while (NextMarker(rest) is var (at, isToken))
        {
            output.Write(rest[..at]);
            output.Write(isToken ? field : stamp);
            rest = rest[(at + (isToken ? FormHoles.TokenMarkerBytes.Length : FormHoles.StampMarkerBytes.Length))..];
        }
        output.Write(rest);
    }

    /// <summary>The length of what <see cref="Fill"/> writes.</summary>
    public static long FilledLength(ReadOnlySpan<byte> body, int fieldLength, int stampLength)
    {
        long length = body.Length;
        var rest = body;
        while (NextMarker(rest) is var (at, isToken))
        {
            var marker = isToken ? FormHoles.TokenMarkerBytes.Length : FormHoles.StampMarkerBytes.Length;
            length += (isToken ? fieldLength : stampLength) - marker;
            rest = rest[(at + marker)..];
        }
        return length;
    }

    /// <summary>The first marker in <paramref name="rest"/>: one scan for what both markers hold ("ikm:"), then a check of which it is.</summary>
    private static (int At, bool IsToken)? NextMarker(ReadOnlySpan<byte> rest)
    {
        var from = 0;
        while (rest[from..].IndexOf(MarkerCore) is var found and >= 0)
        {
            var at = from + found;
            if (rest[at..].StartsWith(FormHoles.StampMarkerBytes))
            {
                return (at, false);
            }
            var tokenAt = at - TokenCoreOffset;
            if (tokenAt >= 0 && rest[tokenAt..].StartsWith(FormHoles.TokenMarkerBytes))
            {
                return (tokenAt, true);
            }
            from = at + 1;
        }
        return null;
    }

    private static ReadOnlySpan<byte> MarkerCore => "ikm:"u8;

    /// <summary>Where "ikm:" sits in the token marker ("&lt;!--ikm:…").</summary>
    private static readonly int TokenCoreOffset = FormHoles.TokenMarkerBytes.AsSpan().IndexOf(MarkerCore);
}
