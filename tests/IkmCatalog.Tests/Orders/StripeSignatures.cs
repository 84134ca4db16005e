using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IkmCatalog.Tests.Orders;

/// <summary>Stripe's webhook signature, computed the way Stripe does it (not with Stripe.net's helper).</summary>
public static class StripeSignatures
{
    /// <summary>The Stripe-Signature header: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.payload")&gt;.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset time)
    {
        var timestamp = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
