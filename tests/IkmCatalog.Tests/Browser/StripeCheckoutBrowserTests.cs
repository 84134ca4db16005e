using System.Text;
using IkmCatalog.Tests.Orders;
using Microsoft.Playwright;

namespace IkmCatalog.Tests.Browser;

/// <summary>
/// A buyer pays by card in a real browser: the shop sends them to Stripe's payment page (a fake on loopback), they come
/// back to the order page, and the order becomes paid only when the signed webhook arrives.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StripeCheckoutBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_buyer_pays_online_and_the_order_is_paid_once_stripe_confirms_it()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/en/products/kopi-robusta-dampit-bubuk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Proceed to checkout" }).ClickAsync();

        await page.Locator("#Name").FillAsync("Daniel Okafor");
        await page.Locator("#Email").FillAsync("daniel.stripe@example.com");
        await page.Locator("#Phone").FillAsync("+62 812 3456 7890");
        await page.Locator("#Address").FillAsync("Jl. Ijen No. 5, Klojen");
        await page.Locator("#Province").SelectOptionAsync(new SelectOptionValue { Label = "Jawa Timur" });
        await Assertions.Expect(page.Locator("#City option[value='35.73']")).ToHaveCountAsync(1);
        await page.Locator("#City").SelectOptionAsync("35.73");
        await page.Locator("#PostalCode").FillAsync("65119");
        await page.Locator("#pay-online").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();

        // Stripe's page (the fake's): the amount is the order's total in rupiah.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pay Rp 50.000"); // Rp38.000 + Rp12.000 shipping to Jawa Timur
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();

        // Back at the shop: the return alone proves nothing, so the order still waits for Stripe's word.
        await page.WaitForURLAsync(url => url.Contains("/en/orders/", StringComparison.Ordinal) && url.Contains("paid=1", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".order-status")).ToHaveTextAsync("Awaiting payment");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your payment is being confirmed");
        var session = browser.Stripe.Sessions.Values.Single(s => s.CustomerEmail == "daniel.stripe@example.com");

        var payload = StripeFake.Event("evt_browser_" + Guid.NewGuid().ToString("N")[..12], "checkout.session.completed", session);
        using (var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) })
        using (var content = new StringContent(payload, Encoding.UTF8, "application/json"))
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = content })
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignatures.Sign(payload, StripeHost.WebhookSecret, DateTimeOffset.UtcNow));
            var delivered = await client.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, delivered.StatusCode);
        }

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".order-status")).ToHaveTextAsync("Paid");
        await Assertions.Expect(page.Locator(".order-history")).ToContainTextAsync("Payment received");
        var serious = await Axe.SeriousAsync(page);
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await page.Context.CloseAsync();
    }
}
