using IkmCatalog.Orders;

namespace IkmCatalog.Tests.Orders;

public class RegionsTests
{
    private readonly IndonesianRegions _regions = IndonesianRegions.Default;

    [Fact]
    public void The_regions_file_has_the_38_provinces_each_with_its_regencies_and_cities()
    {
        Assert.Equal(38, _regions.Provinces.Count);
        Assert.Equal(38, _regions.Provinces.Select(p => p.Code).Distinct().Count());
        Assert.All(_regions.Provinces, p => Assert.NotEmpty(p.Cities));
        Assert.InRange(_regions.Provinces.Sum(p => p.Cities.Count), 510, 520);
    }

    [Fact]
    public void Every_city_code_starts_with_its_province_code()
    {
        Assert.All(_regions.Provinces, p => Assert.All(p.Cities, c => Assert.StartsWith(p.Code + ".", c.Code, StringComparison.Ordinal)));
        Assert.Equal(_regions.Provinces.Sum(p => p.Cities.Count), _regions.Provinces.SelectMany(p => p.Cities).Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void A_city_is_found_only_in_its_own_province()
    {
        Assert.Equal("Jawa Timur", _regions.Find("35")?.Name);
        Assert.Equal("Kota Malang", _regions.FindCity("35", "35.73")?.Name);
        Assert.Equal("Kota Kendari", _regions.FindCity("74", "74.71")?.Name);
        Assert.Equal("Papua Barat Daya", _regions.Find("96")?.Name);
        Assert.Null(_regions.FindCity("33", "35.73"));
        Assert.Null(_regions.FindCity(null, "35.73"));
        Assert.Empty(_regions.CitiesOf("99"));
    }
}
