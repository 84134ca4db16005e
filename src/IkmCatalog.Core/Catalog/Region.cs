namespace IkmCatalog.Catalog;

/// <summary>A city or regency whose office fosters the producers (e.g. Kota Malang, Jawa Timur).</summary>
public sealed class Region
{
    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Province { get; set; } = "";
}
