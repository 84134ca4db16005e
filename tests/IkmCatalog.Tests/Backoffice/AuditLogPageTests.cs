using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Backoffice;

[Collection(SiteCollection.Name)]
public class AuditLogPageTests(IkmWebFactory factory)
{
    private static string NewUser() => $"auditor-{Guid.NewGuid():N}@disperindag.example.go.id";

    private async Task AddAsync(params AuditEntry[] entries)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private static AuditEntry Entry(string user, string type, DateTime atUtc, string detail, string action = "publish") =>
        new() { User = user, DocumentType = type, DocumentId = 7, Action = action, AtUtc = atUtc, Detail = detail };

    private static List<string> Details(IHtmlDocument page) =>
        [.. page.QuerySelectorAll<IHtmlTableRowElement>(".bo-audit tbody tr").Select(r => r.Cells[4].TextContent.Trim())];

    [Fact]
    public async Task The_log_is_filtered_by_person_type_and_office_days_newest_first()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        var user = NewUser();
        var someoneElse = NewUser();
        await AddAsync(
            // 1 March 2026, 23.30 WIB
            Entry(user, "Product", new DateTime(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc), "a-1-maret-malam"),
            // 2 March 2026, 00.30 WIB: still 1 March in UTC
            Entry(user, "Story", new DateTime(2026, 3, 1, 17, 30, 0, DateTimeKind.Utc), "b-2-maret-dini-hari", action: "unpublish"),
            // 3 March 2026, 10.00 WIB
            Entry(user, "Product", new DateTime(2026, 3, 3, 3, 0, 0, DateTimeKind.Utc), "c-3-maret", action: "ekspor-katalog"),
            Entry(someoneElse, "Product", new DateTime(2026, 3, 2, 3, 0, 0, DateTimeKind.Utc), "d-orang-lain"));
        var person = Uri.EscapeDataString(user);

        var byPerson = await factory.GetDocumentAsync(client, $"/backoffice/audit?user={person}");
        var byType = await factory.GetDocumentAsync(client, $"/backoffice/audit?user={person}&type=Product");
        var secondOfMarch = await factory.GetDocumentAsync(client, $"/backoffice/audit?user={person}&from=2026-03-02&to=2026-03-02");
        var untilFirstOfMarch = await factory.GetDocumentAsync(client, $"/backoffice/audit?user={person}&to=2026-03-01");
        var fromSecondOfMarch = await factory.GetDocumentAsync(client, $"/backoffice/audit?user={person}&from=2026-03-02");
        var cells = byPerson.QuerySelectorAll<IHtmlTableRowElement>(".bo-audit tbody tr").Select(r => r.Cells.Select(c => c.TextContent.Trim()).ToList()).ToList();

        Assert.Equal(["c-3-maret", "b-2-maret-dini-hari", "a-1-maret-malam"], Details(byPerson));
        Assert.Equal(["c-3-maret", "a-1-maret-malam"], Details(byType));
        Assert.Equal(["b-2-maret-dini-hari"], Details(secondOfMarch));
        Assert.Equal(["a-1-maret-malam"], Details(untilFirstOfMarch));
        Assert.Equal(["c-3-maret", "b-2-maret-dini-hari"], Details(fromSecondOfMarch));
        Assert.Equal(["3 Maret 2026 10.00", user, "ekspor-katalog", "Produk #7", "c-3-maret"], cells[0]);
        Assert.Equal(["2 Maret 2026 00.30", user, "Ditarik dari situs", "Kisah/berita #7", "b-2-maret-dini-hari"], cells[1]);
        Assert.Equal("Diterbitkan", cells[2][2]);
        Assert.Contains(byPerson.QuerySelectorAll<IHtmlOptionElement>("#audit-user option"), o => o.Value == someoneElse);
        Assert.Equal(user, byPerson.QuerySelector<IHtmlSelectElement>("#audit-user")!.Value);
        Assert.Equal("Product", byType.QuerySelector<IHtmlSelectElement>("#audit-type")!.Value);
        Assert.Equal("2026-03-02", secondOfMarch.QuerySelector<IHtmlInputElement>("#audit-from")!.Value);
        Assert.Contains(byType.QuerySelectorAll<IHtmlOptionElement>("#audit-type option"), o => o.Value == "Story" && o.TextContent == "Kisah/berita");
    }

    [Fact]
    public async Task Fifty_entries_fill_a_page_and_the_pager_keeps_the_filters()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);
        var user = NewUser();
        var start = new DateTime(2025, 6, 1, 1, 0, 0, DateTimeKind.Utc);
        await AddAsync([.. Enumerable.Range(0, 55).Select(i => Entry(user, "Page", start.AddMinutes(i), $"entri-{i:00}"))]);
        var person = Uri.EscapeDataString(user);

        var first = await factory.GetDocumentAsync(client, $"/backoffice/audit?user={person}&type=Page&from=2025-06-01");
        var next = first.QuerySelector<IHtmlAnchorElement>(".pager a[rel=next]")!.GetAttribute("href")!;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), next).Query);
        var second = await factory.GetDocumentAsync(client, next);

        Assert.Equal(50, Details(first).Count);
        Assert.Equal("entri-54", Details(first)[0]);
        Assert.StartsWith("/backoffice/audit?", next, StringComparison.Ordinal);
        Assert.Equal(user, query["user"]);
        Assert.Equal("Page", query["type"]);
        Assert.Equal("2025-06-01", query["from"]);
        Assert.Equal("2", query["page"]);
        Assert.Equal(["entri-04", "entri-03", "entri-02", "entri-01", "entri-00"], Details(second));
    }

    [Fact]
    public async Task Times_and_names_are_in_english_for_an_editor_who_chose_english()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        await Forms.SubmitAsync(client, "/backoffice", "form[action='/backoffice/language']", new Dictionary<string, string> { ["culture"] = "en" });
        var user = NewUser();
        await AddAsync(Entry(user, "Event", new DateTime(2026, 1, 15, 2, 5, 0, DateTimeKind.Utc), "agenda-bimtek", action: "redirect-add"));

        var page = await factory.GetDocumentAsync(client, $"/backoffice/audit?user={Uri.EscapeDataString(user)}");
        var cells = page.QuerySelector<IHtmlTableRowElement>(".bo-audit tbody tr")!.Cells.Select(c => c.TextContent.Trim()).ToList();

        Assert.Equal(["15 January 2026 09.05", user, "Redirect added", "Event #7", "agenda-bimtek"], cells);
    }

    [Theory]
    [InlineData(EditorRoles.Writer)]
    [InlineData(EditorRoles.Curator)]
    [InlineData(EditorRoles.SalesOfficer)]
    public async Task Only_admins_and_editors_may_read_the_log(string role)
    {
        var client = await Editors.SignedInClientAsync(factory, role);

        var response = await client.GetAsync("/backoffice/audit");
        var denied = await client.GetAsync(response.Headers.Location!.OriginalString);

        Assert.StartsWith("/backoffice/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/backoffice/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
