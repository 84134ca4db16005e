namespace IkmCatalog.Orders;

/// <summary>
/// Rupiah amounts as Stripe's API counts them.
/// </summary>
/// <remarks>
/// Stripe lists IDR as a two-decimal currency (it is not among its zero-decimal currencies: BIF, CLP, DJF, GNF, JPY,
/// KMF, KRW, MGA, PYG, RWF, UGX, VND, VUV, XAF, XOF, XPF), so every API amount is in hundredths of a rupiah:
/// Rp 25.000 is sent as 2500000. Rupiah has no coins below Rp 1 in use and card networks settle IDR in whole
/// rupiah, so amounts must stay whole rupiah (the last two digits 00); our prices are whole rupiah (<c>long</c>), so
/// multiplying by 100 never rounds. Stripe refuses a charge below its minimum (USD 0.50 or the equivalent in the
/// charge currency, several thousand rupiah) with "amount_too_small"; checkout totals are far above it, and a refusal
/// is reported to the buyer like any other failure to start paying.
/// </remarks>
public static class StripeAmounts
{
    public const string Currency = "idr";

    /// <summary>Stripe's amount for <paramref name="rupiah"/>: hundredths of a rupiah.</summary>
    public static long ToStripe(long rupiah) => checked(rupiah * 100);

    /// <summary>Whole rupiah for a Stripe amount, or null when it is not a whole number of rupiah.</summary>
    public static long? ToRupiah(long stripeAmount) => stripeAmount % 100 == 0 ? stripeAmount / 100 : null;
}
