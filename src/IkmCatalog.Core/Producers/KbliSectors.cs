namespace IkmCatalog.Producers;

/// <summary>A KBLI 2020 activity (5-digit code) with its name in both languages.</summary>
public sealed record KbliSector(string Code, string Indonesian, string English);

/// <summary>
/// The KBLI 2020 activities small industries in the office's programme usually register under: food, beverages,
/// textiles and batik, garments, wood, rattan and bamboo, furniture and crafts. A short static list on purpose: the
/// registration form offers it as a choice, and the office adds a code here when a new kind of business applies.
/// </summary>
public static class KbliSectors
{
    public static readonly IReadOnlyList<KbliSector> All =
    [
        new("10130", "Industri pengolahan dan pengawetan daging (abon, dendeng, bakso)", "Meat processing and preserving (shredded meat, jerky, meatballs)"),
        new("10211", "Industri penggaraman/pengeringan ikan (ikan asin)", "Salting and drying of fish"),
        new("10219", "Industri pengolahan dan pengawetan ikan lainnya (abon ikan, otak-otak)", "Other fish processing and preserving (fish floss, fish cakes)"),
        new("10391", "Industri tempe kedelai", "Soybean tempeh"),
        new("10392", "Industri tahu kedelai", "Soybean tofu"),
        new("10399", "Industri pengolahan dan pengawetan buah-buahan dan sayuran lainnya (keripik buah, manisan)", "Other fruit and vegetable processing (fruit chips, candied fruit)"),
        new("10710", "Industri produk roti dan kue", "Bread, cakes and pastries"),
        new("10722", "Industri gula merah", "Palm and brown sugar"),
        new("10750", "Industri makanan dan masakan olahan", "Prepared meals and dishes"),
        new("10761", "Industri pengolahan kopi", "Coffee processing"),
        new("10763", "Industri pengolahan teh", "Tea processing"),
        new("10791", "Industri kerupuk, keripik, peyek dan sejenisnya", "Crackers, chips and similar snacks"),
        new("10792", "Industri dodol", "Dodol (sweet rice-flour confection)"),
        new("10799", "Industri produk makanan lainnya", "Other food products"),
        new("11040", "Industri minuman ringan", "Soft drinks"),
        new("11090", "Industri minuman lainnya (minuman herbal, jamu cair)", "Other beverages (herbal drinks)"),
        new("13121", "Industri pertenunan (tenun ikat, songket)", "Weaving (ikat, songket)"),
        new("13134", "Industri batik", "Batik"),
        new("14111", "Industri pakaian jadi (konveksi) dari tekstil", "Ready-made garments from textiles"),
        new("16291", "Industri barang dari kayu", "Wooden articles"),
        new("16292", "Industri anyaman dari rotan dan bambu", "Rattan and bamboo weaving"),
        new("16293", "Industri anyaman dari tanaman selain rotan dan bambu (pandan, eceng gondok)", "Weaving from other plants (pandan, water hyacinth)"),
        new("31001", "Industri furnitur dari kayu", "Wooden furniture"),
        new("31002", "Industri furnitur dari rotan dan/atau bambu", "Rattan and bamboo furniture"),
        new("32120", "Industri perhiasan imitasi dan barang sejenis", "Imitation jewellery and similar articles"),
        new("32999", "Industri pengolahan lainnya (kerajinan tangan)", "Other manufacturing (handicrafts)"),
    ];

    public static KbliSector? Find(string? code) => All.FirstOrDefault(s => s.Code == code?.Trim());

    /// <summary>How a producer's page names its sector: the code and the activity.</summary>
    public static string Describe(KbliSector sector, string culture)
    {
        ArgumentNullException.ThrowIfNull(sector);
        return $"{sector.Code} – {(Content.Cultures.IsEnglish(culture) ? sector.English : sector.Indonesian)}";
    }
}
