using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Backoffice;

/// <summary>The backoffice lists find what their filters say, counted against the database.</summary>
[Collection(SiteCollection.Name)]
public class ContentListTests(IkmWebFactory factory)
{
    private async Task<List<string>> SlugsAsync(HttpClient client, string query)
    {
        var page = await factory.GetDocumentAsync(client, "/backoffice/content/products?" + query);
        return [.. page.QuerySelectorAll(".bo-table tbody .bo-slug").Select(s => s.TextContent.Trim().TrimStart('/'))];
    }

    [Fact]
    public async Task A_category_filter_lists_the_products_of_that_category_and_the_ones_below_it()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);
        List<string> expected;
        string parent;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            parent = await db.Categories.Where(c => c.ParentId == null && c.Children.Any()).Select(c => c.Slug).FirstAsync();
            var ids = await db.CategoryWithDescendantsAsync(parent);
            expected = await db.Products.Where(p => ids.Contains(p.CategoryId)).Select(p => p.Slug).ToListAsync();
        }

        var listed = await SlugsAsync(client, $"category={parent}");

        Assert.True(expected.Count > 1);
        Assert.Equal(expected.Order(), listed.Order());
    }

    [Fact]
    public async Task Status_missing_english_and_search_filters_narrow_the_list()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);
        List<string> drafts, noEnglish;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            drafts = await db.Products.Where(p => p.State == PublishState.Draft).Select(p => p.Slug).ToListAsync();
            noEnglish = await db.Products.Where(p => p.Name.English == null || p.Name.English == "" || p.Summary.English == null || p.Summary.English == "")
                .Select(p => p.Slug).ToListAsync();
        }

        Assert.NotEmpty(drafts);
        Assert.Equal(drafts.Order(), (await SlugsAsync(client, "status=draft")).Order());
        Assert.Equal(noEnglish.Order(), (await SlugsAsync(client, "missingEnglish=true")).Order());
        var tempe = await SlugsAsync(client, "q=TEMPE");
        Assert.NotEmpty(tempe);
        Assert.All(tempe, slug => Assert.Contains("tempe", slug, StringComparison.Ordinal));
        Assert.Empty(await SlugsAsync(client, "q=%25_%5C"));
    }
}
