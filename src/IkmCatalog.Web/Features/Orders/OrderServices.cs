using System.ComponentModel.DataAnnotations;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using IkmCatalog.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Orders;

/// <summary>The "IkmCatalog:BankTransfer" section: the office's account buyers transfer to.</summary>
public sealed class BankTransferOptions
{
    public const string Section = "IkmCatalog:BankTransfer";

    [Required]
    public string BankName { get; set; } = "";

    [Required]
    public string AccountName { get; set; } = "";

    [Required]
    public string AccountNumber { get; set; } = "";

    /// <summary>Days a buyer has to transfer before the order is cancelled.</summary>
    [Range(1, 30)]
    public int ExpiryDays { get; set; } = 3;
}

public static class OrderServices
{
    /// <summary>Carts, checkout by bank transfer, the buyer's order page and the expiry of unpaid transfers.</summary>
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BankTransferOptions>().BindConfiguration(BankTransferOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<CheckoutEmails>();
        builder.Services.AddSingleton(IndonesianRegions.Default);
        builder.Services.AddHostedService<OrderExpiry>();
        return builder;
    }
}

/// <summary>
/// Every minute, on every node: cancels bank-transfer orders left unpaid past their expiry (through
/// <see cref="OrderWorkflow"/>, so each is cancelled once with its audit entry) and forgets carts idle for 60 days.
/// </summary>
public sealed partial class OrderExpiry(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OrderExpiry> logger) : NodeJob(scopes, logger)
{
    public static readonly TimeSpan CartLifetime = TimeSpan.FromDays(60);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var (expired, carts) = await RunAsync(
            services.GetRequiredService<IkmDbContext>(), services.GetRequiredService<OrderWorkflow>(), clock, cancellationToken);
        if (expired > 0 || carts > 0)
        {
            LogRan(expired, carts);
        }
    }

    /// <summary>One pass: expired orders cancelled, idle carts deleted.</summary>
    public static async Task<(int Orders, int Carts)> RunAsync(IkmDbContext db, OrderWorkflow workflow, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(clock);
        var expired = await workflow.ExpireUnpaidAsync(cancellationToken);
        var idleBefore = clock.GetUtcNow().UtcDateTime - CartLifetime;
        var carts = await db.Carts.Where(c => c.UpdatedAtUtc < idleBefore).ExecuteDeleteAsync(cancellationToken);
        return (expired, carts);
    }

    [LoggerMessage(LogLevel.Information, "Cancelled {Orders} unpaid order(s) past their expiry; deleted {Carts} idle cart(s).")]
    private partial void LogRan(int orders, int carts);
}
