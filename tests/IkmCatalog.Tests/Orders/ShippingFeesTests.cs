using IkmCatalog.Orders;

namespace IkmCatalog.Tests.Orders;

public class ShippingFeesTests
{
    private static readonly ShippingRate[] Rates =
    [
        new() { ProvinceCode = "35", MaxWeightGrams = 3000, FeeIdr = 18000 },
        new() { ProvinceCode = "35", MaxWeightGrams = 1000, FeeIdr = 12000 },
        new() { ProvinceCode = "35", MaxWeightGrams = 10000, FeeIdr = 39000 },
        new() { ProvinceCode = "74", MaxWeightGrams = 1000, FeeIdr = 35000 },
    ];

    [Theory]
    [InlineData(1, 12000)]
    [InlineData(1000, 12000)]
    [InlineData(1001, 18000)]
    [InlineData(3000, 18000)]
    [InlineData(9999, 39000)]
    public void The_fee_is_the_lightest_band_that_carries_the_parcel(int grams, long fee) =>
        Assert.Equal(fee, ShippingFees.For(Rates, "35", grams));

    [Fact]
    public void A_parcel_heavier_than_every_band_is_confirmed_by_the_office() =>
        Assert.Null(ShippingFees.For(Rates, "35", 10001));

    [Fact]
    public void A_province_without_rates_is_confirmed_by_the_office() =>
        Assert.Null(ShippingFees.For(Rates, "11", 500));

    [Fact]
    public void Another_province_uses_its_own_rates() =>
        Assert.Equal(35000, ShippingFees.For(Rates, "74", 800));
}
