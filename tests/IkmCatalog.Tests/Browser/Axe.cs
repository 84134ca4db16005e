using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>
/// axe-core (the script Deque.AxeCore bundles) run in the page itself, reporting violations only.
/// <c>RunAxe()</c> finishes every scan in a fresh blank page, which only cross-origin frames need and the site has
/// none: 2–3 s a page on two cores, against a few hundred milliseconds here.
/// </summary>
internal static class Axe
{
    private static readonly string Source = new BundledAxeScriptProvider().GetScript();

    /// <summary>Every violation, and every id used twice (axe 4.7 retired its duplicate-id rules; a label or aria
    /// reference to a repeated id still points at the wrong field).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync(Source);
        return await page.EvaluateAsync<string[]>("""
            async () => {
                const found = (await axe.run(document, { resultTypes: ["violations"] })).violations.map(v =>
                    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.html).join(" | ")}`);
                const ids = [...document.querySelectorAll("[id]")].map(e => e.id);
                return found.concat([...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))].map(id => `duplicate-id: id "${id}" is used twice`));
            }
            """);
    }

    /// <summary>The serious and critical violations, which stop people from using the page, each named with the page's path.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync(Source);
        var found = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.html).join(" | ")}`)
            """);
        var path = new Uri(page.Url).AbsolutePath;
        return [.. found.Select(v => $"{path} {v}")];
    }
}
