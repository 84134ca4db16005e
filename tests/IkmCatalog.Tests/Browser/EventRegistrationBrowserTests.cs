using IkmCatalog.Backoffice;
using IkmCatalog.Events;
using IkmCatalog.Tests.EventRegistrations;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>An exporter registers for an event in English, and a curator opens the event's registrations.</summary>
[Collection(BrowserCollection.Name)]
public class EventRegistrationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_registers_in_English_sees_the_status_page_and_the_office_sees_the_registration()
    {
        var (id, slug) = await RegistrationSteps.NewEventAsync(browser.App, EventRegistrationMode.Public, capacity: 20);
        var curator = await Editors.CreateAsync(browser.App.Services, "Bu Ratna", EditorRoles.Curator);
        var email = RegistrationSteps.NewEmail("Emma");
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/en/events/{slug}");
        await Assertions.Expect(page.Locator("#registration")).ToContainTextAsync("20 of 20 places left.");
        await page.GetByLabel("Full name").FillAsync("Emma Janssen");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Business or organisation").FillAsync("Janssen Foods B.V.");
        var form = await Axe.SeriousAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your registration");
        await Assertions.Expect(page.Locator(".registration-state strong")).ToHaveTextAsync("Place confirmed");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(email);
        var status = await Axe.SeriousAsync(page);

        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("Email").FillAsync(curator);
        await page.GetByLabel("Kata sandi").FillAsync(Editors.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Pendaftaran acara" }).ClickAsync();
        await page.Locator($"a[href='/backoffice/events/{id}/registrations']").ClickAsync();
        await Assertions.Expect(page.Locator("#confirmed-title")).ToHaveTextAsync("Terkonfirmasi (1)");
        await Assertions.Expect(page.Locator(".bo-registrations").First).ToContainTextAsync("Emma Janssen (Janssen Foods B.V.)");
        var list = await Axe.SeriousAsync(page);

        Assert.Empty(form.Concat(status).Concat(list));
        await page.Context.CloseAsync();
    }
}
