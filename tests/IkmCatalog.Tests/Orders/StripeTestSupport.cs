using System.Text;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Tests.Email;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Orders;

/// <summary>The application with Stripe configured against a <see cref="StripeFake"/>; no demo catalogue needed.</summary>
public sealed class StripeHost : IDisposable
{
    public const string WebhookSecret = "whsec_test_etalase_ikm";

    public StripeHost() : this([])
    {
    }

    /// <summary>A host with extra settings (e.g. another database provider).</summary>
    public static StripeHost With(Dictionary<string, string?> extra) => new(extra);

    private StripeHost(Dictionary<string, string?> extra)
    {
        Fake = new StripeFake();
        var settings = Settings(Fake, seed: false);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        Factory = IkmWebFactory.With(settings);
    }

    public StripeFake Fake { get; }

    public IkmWebFactory Factory { get; }

    /// <summary>Settings that turn Stripe on, pointed at <paramref name="fake"/>.</summary>
    public static Dictionary<string, string?> Settings(StripeFake fake, bool seed)
    {
        ArgumentNullException.ThrowIfNull(fake);
        var settings = OutboxTests.Settings(seed);
        settings["IkmCatalog:Stripe:SecretKey"] = "sk_test_etalase_ikm";
        settings["IkmCatalog:Stripe:WebhookSecret"] = WebhookSecret;
        settings["IkmCatalog:Stripe:ApiBase"] = fake.Url;
        return settings;
    }

    /// <summary>Delivers a webhook as Stripe would, signed now with the configured secret unless told otherwise.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string payload, string? signature = null)
    {
        using var client = Factory.CreateClient();
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = content };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? StripeSignatures.Sign(payload, WebhookSecret, DateTimeOffset.UtcNow));
        return await client.SendAsync(request);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, IkmDbContext, Task<T>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        await using var scope = Factory.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<IkmDbContext>());
    }

    public Task<Order> OrderAsync(int id) => InScopeAsync((_, db) => db.Orders.AsNoTracking().SingleAsync(o => o.Id == id));

    public Task<List<string>> HistoryAsync(int id) => InScopeAsync((_, db) => db.AuditEntries.AsNoTracking()
        .Where(a => a.DocumentType == OrderWorkflow.AuditType && a.DocumentId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    public Task<List<string>> EventIdsAsync() => InScopeAsync((_, db) => db.StripeEvents.AsNoTracking().Select(e => e.EventId).ToListAsync());

    public void Dispose()
    {
        Factory.Dispose();
        Fake.Dispose();
    }
}

public static class StripeOrders
{
    /// <summary>
    /// A pending Stripe order as checkout leaves it: two lines (Rp 25.000 × 2 and Rp 47.500 × 1), Rp 18.000 shipping,
    /// Rp 115.500 in all, and the Checkout Session id when <paramref name="sessionId"/> is given.
    /// </summary>
    public static Task<Order> CreateAsync(StripeHost host, string? sessionId, string culture = "id")
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.InScopeAsync(async (_, db) =>
        {
            var now = DateTime.UtcNow;
            var order = new Order
            {
                Reference = "ORD-2026-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                Token = PublicIds.NewToken(),
                Culture = culture,
                Status = OrderStatus.Pending,
                PaymentMethod = PaymentMethod.Stripe,
                CustomerName = "Ibu Sari Wulandari",
                Email = "sari@contoh.co.id",
                Phone = "+62 812 3456 7890",
                AddressLine = "Jl. Pemuda No. 12, Kel. Sekayu",
                ProvinceCode = "33",
                ProvinceName = "Jawa Tengah",
                CityCode = "33.74",
                CityName = "Kota Semarang",
                PostalCode = "50132",
                SubtotalIdr = 97_500,
                ShippingIdr = 18_000,
                TotalIdr = 115_500,
                WeightGrams = 1_200,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                StripeSessionId = sessionId,
                Lines =
                [
                    new() { ProductName = "Bandeng Presto Juwana", Unit = "pak", UnitPriceIdr = 25_000, Quantity = 2, LineTotalIdr = 50_000, WeightGrams = 800 },
                    new() { ProductName = "Wingko Babat Kelapa Muda", Unit = "kotak", UnitPriceIdr = 47_500, Quantity = 1, LineTotalIdr = 47_500, WeightGrams = 400 },
                ],
            };
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return order;
        });
    }
}
