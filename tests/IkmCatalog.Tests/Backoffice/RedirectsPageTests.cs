using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Backoffice;

[Collection(SiteCollection.Name)]
public class RedirectsPageTests(IkmWebFactory factory)
{
    private const string AddForm = "form[action='/backoffice/redirects/add']";

    private static string NewOldSlug() => $"alamat-lama-{Guid.NewGuid():N}"[..24];

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string type, string oldSlug, string targetSlug) =>
        Forms.SubmitAsync(client, "/backoffice/redirects", AddForm, new Dictionary<string, string>
        {
            ["Add.DocumentType"] = type,
            ["Add.OldSlug"] = oldSlug,
            ["Add.TargetSlug"] = targetSlug,
        });

    private async Task<T> WithDbAsync<T>(Func<IkmDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<IkmDbContext>());
    }

    private Task<(int Id, string Slug, string Name)> ProductAsync(int skip = 0) =>
        WithDbAsync(db => db.Products.OrderBy(p => p.Id).Skip(skip).Select(p => new ValueTuple<int, string, string>(p.Id, p.Slug, p.Name.Indonesian)).FirstAsync());

    private Task<SlugRedirect?> RedirectAsync(string oldSlug) =>
        WithDbAsync(db => db.SlugRedirects.AsNoTracking().FirstOrDefaultAsync(r => r.OldSlug == oldSlug));

    private static IHtmlTableRowElement? RowFor(IHtmlDocument page, string oldSlug) =>
        page.QuerySelectorAll<IHtmlTableRowElement>(".bo-table tbody tr").FirstOrDefault(r => r.Cells[1].TextContent.Trim() == oldSlug);

    [Fact]
    public async Task An_editor_adds_a_redirect_and_it_is_listed_with_the_documents_current_slug_and_audited()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var product = await ProductAsync();
        var oldSlug = NewOldSlug();

        var added = await AddAsync(client, "Product", oldSlug, product.Slug);
        var page = await Forms.ParseAsync(await client.GetAsync(added.Headers.Location!.OriginalString));
        var row = RowFor(page, oldSlug);
        var audit = await WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "redirect-add" && a.Detail == oldSlug));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(product.Id, (await RedirectAsync(oldSlug))!.DocumentId);
        Assert.Contains($"Pengalihan dari {oldSlug} ditambahkan.", page.QuerySelector(".bo-notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row);
        Assert.Equal("Produk", row.Cells[0].TextContent.Trim());
        Assert.Contains(product.Slug, row.Cells[2].TextContent, StringComparison.Ordinal);
        Assert.Contains(product.Name, row.Cells[2].TextContent, StringComparison.Ordinal);
        Assert.Equal(("Product", product.Id), (audit.DocumentType, audit.DocumentId));
        Assert.StartsWith("petugas-", audit.User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_refusal_is_explained_in_indonesian_next_to_its_field()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);
        var product = await ProductAsync();
        var other = await ProductAsync(skip: 1);
        var taken = NewOldSlug();
        await AddAsync(client, "Product", taken, product.Slug);

        var notASlug = await Forms.ParseAsync(await AddAsync(client, "Product", "Keripik Tempe Lama!", product.Slug));
        var currentSlug = await Forms.ParseAsync(await AddAsync(client, "Product", other.Slug, product.Slug));
        var alreadyRedirects = await Forms.ParseAsync(await AddAsync(client, "Product", taken, other.Slug));
        var noTarget = await Forms.ParseAsync(await AddAsync(client, "Product", NewOldSlug(), "produk-yang-tidak-ada"));
        var noType = await Forms.ParseAsync(await AddAsync(client, "", NewOldSlug(), product.Slug));

        Assert.Equal("Alamat lama hanya boleh berisi huruf kecil, angka dan tanda hubung (-).", notASlug.QuerySelector("#old-slug-error")!.TextContent);
        Assert.Equal("Keripik Tempe Lama!", notASlug.QuerySelector("#Add_OldSlug")!.GetAttribute("value"));
        Assert.Equal($"Alamat ini masih dipakai oleh “{other.Name}”, jadi tidak bisa dialihkan.", currentSlug.QuerySelector("#old-slug-error")!.TextContent);
        Assert.Equal($"Alamat lama ini sudah dialihkan ke {product.Slug}.", alreadyRedirects.QuerySelector("#old-slug-error")!.TextContent);
        Assert.Equal("Tidak ada dokumen jenis ini dengan alamat “produk-yang-tidak-ada”.", noTarget.QuerySelector("#target-error")!.TextContent);
        Assert.Equal("Pilih jenis dokumen.", noType.QuerySelector("#type-error")!.TextContent);
        Assert.Equal(product.Id, (await RedirectAsync(taken))!.DocumentId);
        Assert.Null(await RedirectAsync("Keripik Tempe Lama!"));
    }

    [Fact]
    public async Task A_refusal_is_in_english_for_an_editor_who_chose_english()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        await Forms.SubmitAsync(client, "/backoffice/redirects", "form[action='/backoffice/language']", new Dictionary<string, string> { ["culture"] = "en" });

        var page = await Forms.ParseAsync(await AddAsync(client, "Product", NewOldSlug(), "no-such-product"));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("No document of this type has the slug “no-such-product”.", page.QuerySelector("#target-error")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("#Add_DocumentType option"), o => o.TextContent == "Story/news");
    }

    [Fact]
    public async Task A_producer_redirect_is_resolved_among_producers_only()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var producer = await WithDbAsync(db => db.Producers.OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).FirstAsync());
        var product = await ProductAsync();
        var oldSlug = NewOldSlug();

        var productSlugAsProducer = await Forms.ParseAsync(await AddAsync(client, "Producer", oldSlug, product.Slug));
        var added = await AddAsync(client, "Producer", oldSlug, producer.Slug);

        Assert.Contains("Tidak ada dokumen jenis ini", productSlugAsProducer.QuerySelector("#target-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(("Producer", producer.Id), ((await RedirectAsync(oldSlug))!.DocumentType, (await RedirectAsync(oldSlug))!.DocumentId));
    }

    [Fact]
    public async Task The_list_is_searched_by_old_slug()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var product = await ProductAsync();
        var wanted = NewOldSlug();
        var other = NewOldSlug();
        await AddAsync(client, "Product", wanted, product.Slug);
        await AddAsync(client, "Product", other, product.Slug);

        var page = await Forms.ParseAsync(await client.GetAsync($"/backoffice/redirects?q={wanted[^10..]}"));

        Assert.NotNull(RowFor(page, wanted));
        Assert.Null(RowFor(page, other));
        Assert.Equal(wanted[^10..], page.QuerySelector<IHtmlInputElement>("#redirects-q")!.Value);
    }

    [Fact]
    public async Task Removing_needs_the_confirmation_and_is_audited()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var product = await ProductAsync();
        var oldSlug = NewOldSlug();
        await AddAsync(client, "Product", oldSlug, product.Slug);
        var id = (await RedirectAsync(oldSlug))!.Id;
        var removeForm = $"form[action='/backoffice/redirects/{id}/delete']";

        var unconfirmed = await Forms.SubmitAsync(client, $"/backoffice/redirects?q={oldSlug}", removeForm, new Dictionary<string, string>());
        var unconfirmedPage = await Forms.ParseAsync(unconfirmed);
        var stillThere = await RedirectAsync(oldSlug);
        var removed = await Forms.SubmitAsync(client, $"/backoffice/redirects?q={oldSlug}", removeForm, new Dictionary<string, string> { ["confirm"] = "true" });
        var after = await Forms.ParseAsync(await client.GetAsync(removed.Headers.Location!.OriginalString));
        var audit = await WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "redirect-remove" && a.Detail == oldSlug));

        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal("Centang konfirmasi untuk menghapus pengalihan.", unconfirmedPage.QuerySelector($"#confirm-{id}-error")!.TextContent);
        Assert.NotNull(stillThere);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal($"/backoffice/redirects?q={oldSlug}", removed.Headers.Location!.OriginalString);
        Assert.Null(await RedirectAsync(oldSlug));
        Assert.Null(RowFor(after, oldSlug));
        Assert.Equal($"Pengalihan dari {oldSlug} dihapus.", after.QuerySelector(".bo-notice")!.TextContent);
        Assert.Equal(("Product", product.Id), (audit.DocumentType, audit.DocumentId));
    }

    [Fact]
    public async Task A_writer_sees_the_list_but_may_neither_add_nor_remove()
    {
        var editor = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var writer = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);
        var product = await ProductAsync();
        var oldSlug = NewOldSlug();
        await AddAsync(editor, "Product", oldSlug, product.Slug);
        var id = (await RedirectAsync(oldSlug))!.Id;

        var list = await writer.GetAsync($"/backoffice/redirects?q={oldSlug}");
        var page = await Forms.ParseAsync(list);
        // The page offers a writer no forms to add or remove, so post as a hand-made request would, token included.
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var add = await writer.PostAsync("/backoffice/redirects/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Add.DocumentType"] = "Product",
            ["Add.OldSlug"] = NewOldSlug(),
            ["Add.TargetSlug"] = product.Slug,
        }));
        var remove = await writer.PostAsync($"/backoffice/redirects/{id}/delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["confirm"] = "true",
        }));
        var denied = await writer.GetAsync(remove.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.NotNull(RowFor(page, oldSlug));
        Assert.Null(page.QuerySelector(AddForm));
        Assert.Null(page.QuerySelector($"form[action='/backoffice/redirects/{id}/delete']"));
        Assert.Contains("Hanya Admin dan Editor", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/backoffice/denied", add.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/backoffice/denied", remove.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.NotNull(await RedirectAsync(oldSlug));
    }

    [Theory]
    [InlineData(EditorRoles.Curator)]
    [InlineData(EditorRoles.SalesOfficer)]
    public async Task Curators_and_sales_officers_may_only_look(string role)
    {
        var client = await Editors.SignedInClientAsync(factory, role);

        var list = await client.GetAsync("/backoffice/redirects");
        var token = (await Forms.ParseAsync(list)).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var add = await client.PostAsync("/backoffice/redirects/add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Add.DocumentType"] = "Product",
            ["Add.OldSlug"] = NewOldSlug(),
            ["Add.TargetSlug"] = (await ProductAsync()).Slug,
        }));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.StartsWith("/backoffice/denied", add.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var list = await client.GetAsync("/backoffice/redirects");

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/backoffice/login", list.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_links_to_redirects_for_everyone_and_to_the_audit_log_for_editors_only()
    {
        var editor = await Forms.ParseAsync(await (await Editors.SignedInClientAsync(factory, EditorRoles.Editor)).GetAsync("/backoffice"));
        var writer = await Forms.ParseAsync(await (await Editors.SignedInClientAsync(factory, EditorRoles.Writer)).GetAsync("/backoffice"));

        Assert.NotNull(editor.QuerySelector(".bo-nav a[href='/backoffice/redirects']"));
        Assert.NotNull(editor.QuerySelector(".bo-nav a[href='/backoffice/audit']"));
        Assert.NotNull(writer.QuerySelector(".bo-nav a[href='/backoffice/redirects']"));
        Assert.Null(writer.QuerySelector(".bo-nav a[href='/backoffice/audit']"));
    }
}
