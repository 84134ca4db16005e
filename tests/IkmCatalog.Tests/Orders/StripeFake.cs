using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace IkmCatalog.Tests.Orders;

/// <summary>
/// Stripe's API as far as checkout uses it, on loopback: creating and reading Checkout Sessions and creating
/// refunds, with the JSON Stripe answers. A session's "url" is a payment page the fake serves itself; its "Pay" link
/// marks the session paid and sends the browser to the shop's success URL, so a browser test can walk the whole way
/// (then deliver <see cref="Event"/> for the session, signed with <see cref="StripeSignatures.Sign"/>).
/// </summary>
public sealed class StripeFake : IDisposable
{
    private readonly WireMockServer _server;

    private int _next;

    public StripeFake()
    {
        _server = WireMockServer.Start();
        _server.Given(Request.Create().WithPath("/v1/checkout/sessions").UsingPost())
            .RespondWith(Response.Create().WithCallback(CreateSession));
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/v1/checkout/sessions/[^/]+$")).UsingGet())
            .RespondWith(Response.Create().WithCallback(GetSession));
        _server.Given(Request.Create().WithPath("/v1/refunds").UsingPost())
            .RespondWith(Response.Create().WithCallback(CreateRefund));
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/pay/[^/]+$")).UsingGet())
            .RespondWith(Response.Create().WithCallback(PaymentPage));
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/pay/[^/]+/complete$")).UsingPost())
            .RespondWith(Response.Create().WithCallback(CompletePayment));
    }

    /// <summary>The base address to configure as IkmCatalog:Stripe:ApiBase.</summary>
    public string Url => _server.Url!;

    /// <summary>Sessions as Stripe holds them; tests add or change them to say what Stripe answers.</summary>
    public ConcurrentDictionary<string, FakeSession> Sessions { get; } = new();

    /// <summary>While true, every API call fails as when Stripe has an outage.</summary>
    public bool Down { get; set; }

    /// <summary>The API requests received, oldest first (the payment pages not included).</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _server.LogEntries
        .Where(e => e.RequestMessage.Path.StartsWith("/v1/", StringComparison.Ordinal))
        .OrderBy(e => e.RequestMessage.DateTime)
        .Select(e => new ReceivedRequest(e.RequestMessage.Method, e.RequestMessage.Path,
            e.RequestMessage.Headers?.TryGetValue("Idempotency-Key", out var key) == true ? key.FirstOrDefault() : null,
            e.RequestMessage.Body is { } body ? QueryHelpers.ParseQuery(body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString()) : []))];

    /// <summary>A session Stripe knows, for an order made directly in the database.</summary>
    public FakeSession Add(string sessionId, int orderId, long amountTotal, string paymentStatus = "paid", string? paymentIntent = "pi_test_1")
    {
        var session = new FakeSession
        {
            Id = sessionId, ClientReferenceId = orderId.ToString(CultureInfo.InvariantCulture), AmountTotal = amountTotal,
            PaymentStatus = paymentStatus, Status = paymentStatus == "unpaid" ? "open" : "complete", PaymentIntent = paymentIntent,
        };
        Sessions[sessionId] = session;
        return session;
    }

    /// <summary>A webhook event as Stripe sends it, with the session embedded as it was when the event happened.</summary>
    public static string Event(string eventId, string type, FakeSession session) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = "2025-01-27.acacia",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new Dictionary<string, object?> { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new Dictionary<string, object?> { ["object"] = session.ToJson() },
    });

    private ResponseMessage CreateSession(IRequestMessage request)
    {
        if (Down)
        {
            return Outage();
        }
        var form = QueryHelpers.ParseQuery(request.Body ?? "");
        long total = 0;
        for (var i = 0; form.ContainsKey($"line_items[{i}][quantity]"); i++)
        {
            total += long.Parse(form[$"line_items[{i}][price_data][unit_amount]"]!, CultureInfo.InvariantCulture)
                * long.Parse(form[$"line_items[{i}][quantity]"]!, CultureInfo.InvariantCulture);
        }
        var id = $"cs_test_{Interlocked.Increment(ref _next):D4}{Guid.NewGuid():N}"[..32];
        var session = new FakeSession
        {
            Id = id, ClientReferenceId = form["client_reference_id"].ToString(), AmountTotal = total,
            Currency = form["line_items[0][price_data][currency]"].ToString(), PaymentStatus = "unpaid", Status = "open",
            CustomerEmail = form["customer_email"].ToString(), SuccessUrl = form["success_url"].ToString(),
            CancelUrl = form["cancel_url"].ToString(), Url = $"{Url}/pay/{id}",
            OrderReference = form["metadata[order_reference]"].ToString(),
        };
        Sessions[id] = session;
        return Json(HttpStatusCode.OK, session.ToJson());
    }

    private ResponseMessage GetSession(IRequestMessage request)
    {
        if (Down)
        {
            return Outage();
        }
        var id = request.Path.Split('/')[^1];
        return Sessions.TryGetValue(id, out var session)
            ? Json(HttpStatusCode.OK, session.ToJson())
            : Json(HttpStatusCode.NotFound, Error("invalid_request_error", "resource_missing", $"No such checkout.session: '{id}'"));
    }

    private ResponseMessage CreateRefund(IRequestMessage request)
    {
        if (Down)
        {
            return Outage();
        }
        var form = QueryHelpers.ParseQuery(request.Body ?? "");
        var intent = form["payment_intent"].ToString();
        var amount = Sessions.Values.FirstOrDefault(s => s.PaymentIntent == intent)?.AmountTotal ?? 0;
        return Json(HttpStatusCode.OK, new Dictionary<string, object?>
        {
            ["id"] = "re_test_" + intent.Replace("pi_test_", "", StringComparison.Ordinal),
            ["object"] = "refund",
            ["amount"] = amount,
            ["currency"] = "idr",
            ["payment_intent"] = intent,
            ["status"] = "succeeded",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["metadata"] = new Dictionary<string, string>(),
        });
    }

    private ResponseMessage PaymentPage(IRequestMessage request)
    {
        var id = request.Path.Split('/')[^1];
        if (!Sessions.TryGetValue(id, out var session))
        {
            return Html(HttpStatusCode.NotFound, "<!doctype html><html lang=\"en\"><title>Not found</title><h1>No such session</h1></html>");
        }
        var amount = (session.AmountTotal / 100).ToString("N0", CultureInfo.GetCultureInfo("id-ID"));
        return Html(HttpStatusCode.OK, $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Stripe test checkout</title></head>
            <body><main><h1>Pay Rp {amount}</h1>
            <form method="post" action="/pay/{id}/complete"><button type="submit">Pay</button></form>
            <p><a href="{WebUtility.HtmlEncode(session.CancelUrl)}">Cancel</a></p></main></body></html>
            """);
    }

    private ResponseMessage CompletePayment(IRequestMessage request)
    {
        var id = request.Path.Split('/')[^2];
        if (!Sessions.TryGetValue(id, out var session))
        {
            return Html(HttpStatusCode.NotFound, "<!doctype html><html lang=\"en\"><title>Not found</title><h1>No such session</h1></html>");
        }
        session.PaymentStatus = "paid";
        session.Status = "complete";
        session.PaymentIntent ??= "pi_test_" + id["cs_test_".Length..];
        var response = new ResponseMessage { StatusCode = (int)HttpStatusCode.SeeOther };
        response.AddHeader("Location", session.SuccessUrl ?? "/");
        return response;
    }

    private static ResponseMessage Outage()
    {
        var response = Json(HttpStatusCode.InternalServerError, Error("api_error", null, "Something went wrong on Stripe's end."));
        // Stripe.net would otherwise retry with back-off; the outage is the point here.
        response.AddHeader("Stripe-Should-Retry", "false");
        return response;
    }

    private static Dictionary<string, object?> Error(string type, string? code, string message) => new()
    {
        ["error"] = new Dictionary<string, object?> { ["type"] = type, ["code"] = code, ["message"] = message },
    };

    private static ResponseMessage Json(HttpStatusCode status, object body)
    {
        var response = new ResponseMessage
        {
            StatusCode = (int)status,
            BodyData = new BodyData { BodyAsString = JsonSerializer.Serialize(body), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json");
        response.AddHeader("Request-Id", "req_" + Guid.NewGuid().ToString("N")[..14]);
        return response;
    }

    private static ResponseMessage Html(HttpStatusCode status, string html)
    {
        var response = new ResponseMessage
        {
            StatusCode = (int)status,
            BodyData = new BodyData { BodyAsString = html, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "text/html; charset=utf-8");
        return response;
    }

    public void Dispose() => _server.Stop();
}

/// <summary>A request the fake received: method, path, Idempotency-Key header and form fields.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? IdempotencyKey, Dictionary<string, string> Form);

/// <summary>A Checkout Session as the fake holds it, written out as Stripe's API does.</summary>
public sealed class FakeSession
{
    public string Id { get; set; } = "";

    public string? ClientReferenceId { get; set; }

    public long AmountTotal { get; set; }

    public string Currency { get; set; } = "idr";

    /// <summary>"paid", "unpaid" or "no_payment_required".</summary>
    public string PaymentStatus { get; set; } = "unpaid";

    /// <summary>"open", "complete" or "expired".</summary>
    public string Status { get; set; } = "open";

    public string? PaymentIntent { get; set; }

    public string? CustomerEmail { get; set; }

    public string? SuccessUrl { get; set; }

    public string? CancelUrl { get; set; }

    public string? Url { get; set; }

    public string? OrderReference { get; set; }

    public FakeSession Copy() => (FakeSession)MemberwiseClone();

    public Dictionary<string, object?> ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "checkout.session",
        ["amount_subtotal"] = AmountTotal,
        ["amount_total"] = AmountTotal,
        ["client_reference_id"] = ClientReferenceId,
        ["currency"] = Currency,
        ["customer_email"] = CustomerEmail,
        ["livemode"] = false,
        ["metadata"] = new Dictionary<string, string?> { ["order_id"] = ClientReferenceId, ["order_reference"] = OrderReference },
        ["mode"] = "payment",
        ["payment_intent"] = PaymentIntent,
        ["payment_status"] = PaymentStatus,
        ["status"] = Status,
        ["success_url"] = SuccessUrl,
        ["cancel_url"] = CancelUrl,
        ["url"] = Status == "open" ? Url : null,
        ["created"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(),
        ["expires_at"] = DateTimeOffset.UtcNow.AddHours(23).ToUnixTimeSeconds(),
    };
}
