using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Orders;

/// <summary>A buyer's steps: add to cart, check out; and looks into the database behind them.</summary>
internal static class OrderSteps
{
    public const string Keripik = "keripik-tempe-original-bu-sri";   // Rp22.000, 230 g, MOQ 1
    public const string Kopi = "kopi-robusta-dampit-bubuk";           // Rp38.000, 225 g, MOQ 1
    public const string GantunganKunci = "gantungan-kunci-kain-perca"; // Rp10.000, MOQ 5
    public const string CurahNonRetail = "keripik-tempe-curah-1-kg";  // B2B only

    public static HttpClient Buyer(IkmWebFactory host) =>
        host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static Task<HttpResponseMessage> AddAsync(HttpClient client, string slug, int quantity, string culture = "id") =>
        Forms.SubmitAsync(client, culture == "en" ? $"/en/products/{slug}" : $"/produk/{slug}", "form.add-to-cart",
            new Dictionary<string, string> { ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>The add-to-cart form of a retail product's page, posted with another product id.</summary>
    public static Task<HttpResponseMessage> AddByIdAsync(HttpClient client, int productId, int quantity) =>
        Forms.SubmitAsync(client, $"/produk/{Keripik}", "form.add-to-cart", new Dictionary<string, string>
        {
            ["productId"] = productId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static Dictionary<string, string> Address(string province = "35", string city = "35.73") => new()
    {
        ["Name"] = "Siti Rahayu", ["Email"] = "siti@example.com", ["Phone"] = "0812 3456 7890",
        ["Address"] = "Jl. Sanan No. 12, RT 3/RW 14, Purwantoro, Blimbing", ["Province"] = province, ["City"] = city,
        ["PostalCode"] = "65122", ["Note"] = "", ["Payment"] = "bank-transfer",
    };

    public static Task<HttpResponseMessage> CheckoutAsync(HttpClient client, Dictionary<string, string> fields, string culture = "id") =>
        Forms.SubmitAsync(client, culture == "en" ? "/en/cart/checkout" : "/keranjang/pembayaran", "form.checkout-form", fields);

    public static async Task<T> InDbAsync<T>(IkmWebFactory host, Func<IkmDbContext, Task<T>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<IkmDbContext>());
    }

    public static Task<int> ProductIdAsync(IkmWebFactory host, string slug) =>
        InDbAsync(host, db => db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    public static Task<int> SetPriceAsync(IkmWebFactory host, string slug, long price) =>
        InDbAsync(host, db => db.Products.Where(p => p.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceIdr, price)));

    public static string TokenOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("No redirect.");
        return location.Split('/').Last().Split('?')[0];
    }
}
