using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>
/// The public pages a buyer meets first, on a phone (390 px) and a laptop (1280 px), in both languages: nothing
/// scrolls sideways, text keeps clear of the screen's edges, tap targets are big enough or far enough apart
/// (WCAG 2.2 AA, 2.5.8), the header stays on one row on the laptop, axe finds nothing, and the catalogue's filter
/// disclosure works by keyboard. Each page is loaded once per width; all checks run on that one load.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LayoutBrowserTests(BrowserFixture browser)
{
    private const int Phone = 390;
    private const int Laptop = 1280;

    /// <summary>
    /// Runs in the page; returns what is wrong. Rules and what they exempt:
    /// <list type="bullet">
    /// <item>Overflow: the document is never wider than the viewport.</item>
    /// <item>Edges: every rendered line of text (each text node's line boxes) keeps 12 px from the left and right edge;
    /// backgrounds may run to the edge, text may not. Text that is not rendered (visually hidden, in a closed
    /// disclosure, off-screen) has no line boxes and is not checked.</item>
    /// <item>Tap targets (a[href], button, input, select, textarea, summary, [role=button]) are at least 24×24 px,
    /// or satisfy WCAG 2.5.8's spacing exception: a 24 px circle centred on the target's box meets no other target
    /// and no other undersized target's circle. WCAG's inline exception: a link inside a sentence (its block holds
    /// text of its own besides the link's) is exempt, as its size is set by the line of text.</item>
    /// <item>Header (laptop only): brand, search and every navigation item on one row.</item>
    /// </list>
    /// </summary>
    private const string LayoutProblems = """
        (laptop) => {
          const problems = [];
          const W = window.innerWidth;
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const where = e => `${name(e)} "${(e.textContent || e.getAttribute('aria-label') || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
          if (document.documentElement.scrollWidth > W) {
            problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px wide in a ${W}px viewport`);
          }

          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
            acceptNode: n => n.textContent.trim() && !n.parentElement.closest('script, style, noscript, template, option') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
          });
          const tooClose = new Set();
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false }) || el.closest('.visually-hidden, .hp, .skip-link')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) {
              if (r.width < 1 || r.height < 1) continue;
              if (r.left < 12 || r.right > W - 12) tooClose.add(`${where(el)} at ${Math.round(r.left)}–${Math.round(r.right)}px`);
            }
          }
          tooClose.forEach(t => problems.push(`text within 12px of the edge: ${t}`));

          const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')]
            .filter(e => e.checkVisibility({ visibilityProperty: true }) && !e.closest('.visually-hidden, .hp, .skip-link'))
            .map(e => ({ e, r: e.getBoundingClientRect() }))
            .filter(t => t.r.width >= 1 && t.r.height >= 1);
          const block = e => { let b = e.parentElement; while (b && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement; return b; };
          const inSentence = t => getComputedStyle(t.e).display === 'inline' && (block(t.e)?.textContent ?? '').replace(t.e.textContent, '').trim().length > 1;
          const small = t => t.r.width < 24 || t.r.height < 24;
          const centre = r => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
          const circleMeetsBox = (c, r) => { const dx = Math.max(r.left - c.x, 0, c.x - r.right); const dy = Math.max(r.top - c.y, 0, c.y - r.bottom); return dx * dx + dy * dy < 144; };
          const undersized = targets.filter(t => small(t) && !inSentence(t));
          for (const t of undersized) {
            const c = centre(t.r);
            const near = targets.find(o => o !== t && !o.e.contains(t.e) && !t.e.contains(o.e) && (
              circleMeetsBox(c, o.r) || (undersized.includes(o) && Math.hypot(centre(o.r).x - c.x, centre(o.r).y - c.y) < 24)));
            if (near) problems.push(`tap target ${Math.round(t.r.width)}×${Math.round(t.r.height)}px too close to another: ${where(t.e)} near ${where(near.e)}`);
          }

          if (laptop) {
            const header = [...document.querySelectorAll('.site-header .brand, .site-header .site-search, .site-nav li')];
            const rows = new Set(header.filter(e => e.matches('li')).map(e => Math.round(e.getBoundingClientRect().top)));
            if (rows.size !== 1) problems.push(`navigation on ${rows.size} rows`);
            const brand = header[0].getBoundingClientRect();
            for (const e of header) {
              const r = e.getBoundingClientRect();
              const middle = r.top + r.height / 2;
              if (middle < brand.top || middle > brand.bottom) problems.push(`header on more than one row: ${where(e)} below the brand`);
            }
          }
          return problems;
        }
        """;

    /// <summary>The seven pages in Indonesian, then their English twins (found through the language switch).</summary>
    private async Task<IReadOnlyList<string>> PagesAsync(IPage page)
    {
        await page.GotoAsync("/katalog");
        var product = await page.Locator(".product-card a.card-link").First.GetAttributeAsync("href");
        await page.GotoAsync("/produsen");
        var producer = await page.Locator("main a[href^='/produsen/']").First.GetAttributeAsync("href");
        var indonesian = new[] { "/", "/katalog", product!, producer!, "/agenda", "/sertifikasi", "/halaman/tentang" };
        var english = new List<string>();
        foreach (var url in indonesian)
        {
            await page.GotoAsync(url);
            english.Add((await page.Locator("a.lang-switch").GetAttributeAsync("href"))!);
        }
        Assert.All(english, url => Assert.StartsWith("/en", url, StringComparison.Ordinal));
        return [.. indonesian, .. english];
    }

    [Fact]
    public async Task The_first_pages_fit_a_phone_and_a_laptop_in_both_languages_and_axe_finds_nothing()
    {
        var problems = new List<string>();
        var setup = await browser.NewPageAsync();
        var pages = await PagesAsync(setup);
        await setup.Context.CloseAsync();

        foreach (var width in new[] { Phone, Laptop })
        {
            var page = await browser.NewPageAsync(width: width, height: 844);
            foreach (var url in pages)
            {
                var response = await page.GotoAsync(url);
                Assert.True(response!.Ok, $"{url} answered {response.Status}");
                var found = await page.EvaluateAsync<string[]>(LayoutProblems, width == Laptop);
                problems.AddRange(found.Select(p => $"{width}px {url}: {p}"));
                problems.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{width}px {url}: axe {v}"));
            }
            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task On_a_phone_the_filters_fold_open_and_close_by_keyboard_and_a_chip_removes_its_filter()
    {
        var page = await browser.NewPageAsync(width: Phone, height: 844);
        await page.GotoAsync("/katalog?region=kota-kendari&exportReady=true");
        var toggle = page.Locator("summary.filters-toggle");
        var category = page.Locator("#f-category");
        await Expect(toggle).ToHaveTextAsync("Filter (2)");
        await Expect(category).Not.ToBeVisibleAsync();
        // The products come first: the first card starts within the first screen.
        Assert.True((await page.Locator(".product-card").First.BoundingBoxAsync())!.Y < 844);

        // Reach the disclosure with Tab, as a keyboard user does.
        for (var i = 0; i < 40 && !await toggle.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.True(await toggle.EvaluateAsync<bool>("e => e === document.activeElement"), "Tab never reached the filter disclosure");
        await page.Keyboard.PressAsync("Enter");
        await Expect(category).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(category).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Space");
        await Expect(category).Not.ToBeVisibleAsync();

        var chip = page.GetByRole(AriaRole.Link, new() { Name = "Hapus filter: Kota Kendari" });
        await chip.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The new page's HTML is what is checked; its images need not have loaded (on a busy machine their variants
        // are still being made, and the load event can take longer than the wait).
        await page.WaitForURLAsync(url => !url.Contains("region=", StringComparison.Ordinal) && url.Contains("exportReady=true", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(toggle).ToHaveTextAsync("Filter (1)");

        // The search page's facets fold the same way.
        await page.GotoAsync("/cari?q=keripik&region=kota-malang");
        await Expect(toggle).ToHaveTextAsync("Filter (1)");
        await Expect(page.Locator(".search-facets .facet").First).Not.ToBeVisibleAsync();
        Assert.True((await page.Locator(".search-result").First.BoundingBoxAsync())!.Y < 844);
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".search-facets .facet").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_laptop_the_filters_stay_open_beside_the_results()
    {
        var page = await browser.NewPageAsync(width: Laptop, height: 900);
        await page.GotoAsync("/en/catalogue?region=kota-kendari");

        await Expect(page.Locator("summary.filters-toggle")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("#f-category")).ToBeVisibleAsync();
        var form = (await page.Locator(".filter-form").BoundingBoxAsync())!;
        var firstCard = (await page.Locator(".product-card").First.BoundingBoxAsync())!;
        Assert.True(form.X + form.Width <= firstCard.X, "the filters are not beside the results");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Remove filter: Kota Kendari" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
