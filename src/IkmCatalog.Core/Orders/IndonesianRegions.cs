using System.Text.Json;

namespace IkmCatalog.Orders;

public sealed record City(string Code, string Name);

public sealed record Province(string Code, string Name, IReadOnlyList<City> Cities);

/// <summary>
/// Indonesia's 38 provinces and their regencies and cities (kabupaten/kota) with Kemendagri codes, from the
/// regions-id.json file built into this assembly: addresses are chosen from it, never typed freely.
/// </summary>
public sealed class IndonesianRegions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Province> _byCode;

    private IndonesianRegions(IReadOnlyList<Province> provinces)
    {
        Provinces = provinces;
        _byCode = provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
    }

    /// <summary>The data file, read once.</summary>
    public static IndonesianRegions Default { get; } = Load();

    public IReadOnlyList<Province> Provinces { get; }

    public Province? Find(string? provinceCode) =>
        provinceCode is not null && _byCode.TryGetValue(provinceCode, out var province) ? province : null;

    public IReadOnlyList<City> CitiesOf(string? provinceCode) => Find(provinceCode)?.Cities ?? [];

    /// <summary>The city or regency with this code, only when it belongs to the province.</summary>
    public City? FindCity(string? provinceCode, string? cityCode) =>
        CitiesOf(provinceCode).FirstOrDefault(c => c.Code == cityCode);

    private static IndonesianRegions Load()
    {
        using var stream = typeof(IndonesianRegions).Assembly.GetManifestResourceStream("IkmCatalog.Orders.regions-id.json")
            ?? throw new InvalidOperationException("regions-id.json is missing from the assembly.");
        var file = JsonSerializer.Deserialize<RegionsFile>(stream, Json)
            ?? throw new InvalidDataException("regions-id.json is empty.");
        return new([.. file.Provinces.Select(p => new Province(p.Code, p.Name, [.. p.Cities.Select(c => new City(c.Code, c.Name))]))]);
    }

    private sealed record RegionsFile(List<ProvinceRow> Provinces);

    private sealed record ProvinceRow(string Code, string Name, List<CityRow> Cities);

    private sealed record CityRow(string Code, string Name);
}
