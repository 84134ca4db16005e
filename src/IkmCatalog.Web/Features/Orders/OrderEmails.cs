using System.Globalization;
using IkmCatalog.Content;
using IkmCatalog.Email;
using IkmCatalog.Orders;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using IkmCatalog.Web.Theming;
using IkmCatalog.Web.Views;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Orders;

/// <summary>
/// Tells the buyer, in the buyer's language, about each step of an order (paid, processing, shipped with the
/// tracking number, completed, cancelled, refunded), and the office when an order is paid. The messages go into the
/// outbox inside <see cref="OrderWorkflow.MoveAsync"/>'s transaction: a move that does not commit sends nothing.
/// </summary>
public sealed partial class OrderEmails(
    EmailOutbox outbox,
    UiStrings strings,
    LinkGenerator links,
    IHttpContextAccessor http,
    IOptions<IkmCatalogOptions> options,
    ActiveTheme theme,
    ILogger<OrderEmails> logger) : IOrderChangeHandler
{
    /// <summary>Detail given by <see cref="OrderWorkflow.ExpireUnpaidAsync"/> when it cancels an unpaid order.</summary>
    public const string ExpiredUnpaid = "expired-unpaid";


    public Task HandleAsync(OrderChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var step = change.To switch
        {
            OrderStatus.Paid => "paid",
            OrderStatus.Processing => "processing",
            OrderStatus.Shipped => "shipped",
            OrderStatus.Completed => "completed",
            OrderStatus.Cancelled => "cancelled",
            OrderStatus.Refunded => "refunded",
            _ => null,
        };
        if (step is null)
        {
            return Task.CompletedTask;
        }
        var order = change.Order;
        var culture = Cultures.Normalize(order.Culture);
        var link = StatusLink(order, culture);
        var reason = change.To == OrderStatus.Cancelled
            ? Text(culture, change.Detail == ExpiredUnpaid ? "email.order.cancelled.expired" : "email.order.cancelled.by-office")
            : "";
        var values = new object[] { order.Reference, ViewFormat.Rupiah(order.TotalIdr, culture), link, order.Courier ?? "", order.TrackingNumber ?? "", reason, order.CustomerName };
        var subject = Format(culture, $"email.order.{step}.subject", values);
        var body = Format(culture, $"email.order.{step}.body", values) + "\n\n" + Format(culture, "email.order.footer", values);
        Report(outbox.Enqueue(new OutgoingEmail("order-" + step, order.Email, order.CustomerName, subject, body, Culture: culture)), order);

        if (change.To == OrderStatus.Paid && OfficeEmail() is { } office)
        {
            // The office works in Indonesian whatever the buyer's language.
            var officeValues = new object[] { order.Reference, ViewFormat.Rupiah(order.TotalIdr, Cultures.Indonesian), order.CustomerName, order.Email,
                Text(Cultures.Indonesian, "email.order.payment." + (order.PaymentMethod == PaymentMethod.Stripe ? "stripe" : "bank-transfer")), OfficeLink(order) };
            Report(outbox.Enqueue(new OutgoingEmail("order-paid-office", office, null,
                Format(Cultures.Indonesian, "email.order.office-paid.subject", officeValues),
                Format(Cultures.Indonesian, "email.order.office-paid.body", officeValues), Culture: Cultures.Indonesian)), order);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The buyer's absolute status link. The configured IkmCatalog:PublicBaseUrl wins (emails are also queued by
    /// background jobs, with no request); without it, the address of the request that made the change (the officer's
    /// or the webhook's host, which serves the public site too); with neither, the bare path.
    /// </summary>
    public string StatusLink(Order order, string culture)
    {
        ArgumentNullException.ThrowIfNull(order);
        var path = links.GetPathByRouteValues(SiteRoutes.RouteName("order-status", culture), new { token = order.Token }) ?? "/";
        return BaseUrl() + path;
    }

    private string OfficeLink(Order order) => BaseUrl() + "/backoffice/orders/" + order.Id.ToString(CultureInfo.InvariantCulture);

    private string BaseUrl() => SiteUrls.Root(options.Value.PublicBaseUrl, http.HttpContext);

    private string? OfficeEmail() =>
        options.Value.OfficeFor(theme).NotificationEmail;

    private string Text(string culture, string key) => strings.Text(culture, key);

    private string Format(string culture, string key, object[] values) => strings.Text(culture, key, values);

    private void Report(EnqueueResult result, Order order)
    {
        if (result.Status != EnqueueStatus.Queued)
        {
            // The order moves on regardless; an address the outbox refuses is the buyer's typing, logged for the office.
            LogNotQueued(logger, order.Reference, result.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Reference}: email not queued ({Status}).")]
    private static partial void LogNotQueued(ILogger logger, string reference, EnqueueStatus status);
}

public static class OrderEmailServices
{
    /// <summary>The buyer's and the office's emails about order steps, queued with each status change.</summary>
    public static IHostApplicationBuilder AddOrderEmails(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IOrderChangeHandler, OrderEmails>();
        return builder;
    }
}
