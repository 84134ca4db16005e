using IkmCatalog.Data;
using IkmCatalog.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Orders;

/// <summary>Orders as the public checkout leaves them, written straight to the database.</summary>
public static class OrderTestData
{
    private static int _next;

    public static async Task<Order> CreateAsync(IServiceProvider services, string culture = "id", PaymentMethod method = PaymentMethod.BankTransfer,
        OrderStatus status = OrderStatus.Pending, Action<Order>? change = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var now = DateTime.UtcNow;
        var number = Interlocked.Increment(ref _next);
        var order = new Order
        {
            Reference = $"ORD-2026-T{number:00000}",
            Token = PublicIds.NewToken(),
            Culture = culture,
            Status = status,
            PaymentMethod = method,
            CustomerName = culture == "en" ? "Emma Hartley" : "Siti Rahmawati",
            Email = $"pembeli{number}@contoh.example.id",
            Phone = "0812 3456 7890",
            AddressLine = "Jl. Melati No. 12, Kel. Sukamaju",
            ProvinceCode = "33",
            ProvinceName = "Jawa Tengah",
            CityCode = "33.74",
            CityName = "Kota Semarang",
            PostalCode = "50132",
            SubtotalIdr = 135_000,
            ShippingIdr = 15_000,
            TotalIdr = 150_000,
            WeightGrams = 900,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ExpiresAtUtc = method == PaymentMethod.BankTransfer && status == OrderStatus.Pending ? now.AddDays(2) : null,
            StripeSessionId = method == PaymentMethod.Stripe ? $"cs_test_{Guid.NewGuid():N}" : null,
            StripePaymentIntentId = method == PaymentMethod.Stripe ? $"pi_test_{Guid.NewGuid():N}" : null,
            Lines =
            [
                new OrderLine { ProductName = "Batik Tulis Semarangan", Unit = "lembar", UnitPriceIdr = 45_000, Quantity = 3, LineTotalIdr = 135_000, WeightGrams = 900 },
            ],
        };
        change?.Invoke(order);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public static async Task<Order> ReloadAsync(IServiceProvider services, int id)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        return await db.Orders.FindAsync(id) ?? throw new InvalidOperationException($"No order {id}.");
    }
}
