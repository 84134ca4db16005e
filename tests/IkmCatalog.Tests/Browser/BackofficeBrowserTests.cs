using Deque.AxeCore.Playwright;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class BackofficeBrowserTests(BrowserFixture browser)
{
    private static IEnumerable<string> Serious(Deque.AxeCore.Commons.AxeResult result) =>
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}");

    [Fact]
    public async Task An_editor_signs_in_in_english_and_the_pages_are_accessible()
    {
        var email = await Editors.CreateAsync(browser.App.Services, "Ibu Ratna");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/backoffice");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/backoffice/login"));
        var login = await page.RunAxe();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Ibu Ratna");
        var dashboard = await page.RunAxe();
        Assert.Empty(Serious(login).Concat(Serious(dashboard)));
        await page.Context.CloseAsync();
    }
}
