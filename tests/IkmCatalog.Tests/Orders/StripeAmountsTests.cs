using IkmCatalog.Orders;

namespace IkmCatalog.Tests.Orders;

public sealed class StripeAmountsTests
{
    [Theory]
    [InlineData(25_000, 2_500_000)]
    [InlineData(115_500, 11_550_000)]
    [InlineData(1, 100)]
    public void Rupiah_are_sent_to_stripe_in_hundredths(long rupiah, long stripe)
    {
        Assert.Equal(stripe, StripeAmounts.ToStripe(rupiah));
        Assert.Equal(rupiah, StripeAmounts.ToRupiah(stripe));
    }

    [Fact]
    public void A_stripe_amount_with_part_of_a_rupiah_is_not_a_rupiah_amount() =>
        Assert.Null(StripeAmounts.ToRupiah(2_500_050));

    [Fact]
    public void An_amount_too_large_for_stripe_units_fails_instead_of_wrapping() =>
        Assert.Throws<OverflowException>(() => StripeAmounts.ToStripe(long.MaxValue / 10));
}
