using IkmCatalog.Search;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Search;

/// <summary>
/// The judged query set: what buyers type (Indonesian, English, typos, mixed) and the products a person expects at
/// the top, drawn from media-seed/products.json. Every expected product must be within the first <c>within</c>
/// results.
/// </summary>
[Collection(SiteCollection.Name)]
public class RelevanceTests(IkmWebFactory factory)
{
    private const string TempeChips = "keripik-tempe-original-bu-sri,keripik-tempe-pedas-daun-jeruk,keripik-tempe-curah-1-kg,kripik-tempe-balado-dua-putri,kripik-tempe-ketumbar-dua-putri";
    private const string MarlinFloss = "abon-ikan-marlin-original,abon-ikan-marlin-pedas";
    private const string Cashews = "mete-panggang-original-sultra,mete-panggang-madu,mete-kupas-mentah-w320-curah";

    [Theory]
    // Indonesian
    [InlineData("keripik tempe", "id", 5, TempeChips)]
    [InlineData("abon ikan marlin", "id", 2, MarlinFloss)]
    [InlineData("tenun", "id", 3, "kain-tenun-ikat-kendari-kalosara,sarung-tenun-tolaki,tas-nentu-kombinasi-kain-tenun")]
    [InlineData("tenun ikat kendari", "id", 1, "kain-tenun-ikat-kendari-kalosara")]
    [InlineData("kursi rotan", "id", 2, "kursi-rotan-teras-model-lengkung,set-kursi-tamu-rotan")]
    [InlineData("jambu mete", "id", 3, Cashews)]
    [InlineData("dodol", "id", 2, "dodol-betawi-original-ibu-enah,dodol-durian-ibu-enah")]
    [InlineData("dodol durian", "id", 1, "dodol-durian-ibu-enah")]
    [InlineData("batik tulis madura", "id", 2, "kain-batik-tulis-madura-merah-biru,batik-tulis-gentongan-tanjung-bumi")]
    [InlineData("kopi robusta", "id", 2, "kopi-robusta-dampit-bubuk,kopi-robusta-biji-sangrai-1-kg")]
    [InlineData("jahe merah", "id", 1, "jahe-merah-instan-gula-aren")]
    [InlineData("sagu mie", "id", 1, "sagu-mie-kering")]
    [InlineData("tas kulit", "id", 1, "tas-kulit-sapi-wanita-tote")]
    [InlineData("tas anyaman pandan", "id", 2, "tas-anyaman-pandan-motif-kotak,clutch-anyaman-pandan")]
    [InlineData("kerupuk ikan", "id", 1, "kerupuk-ikan-tenggiri-mentah")]
    [InlineData("keripik singkong pedas", "id", 1, "keripik-singkong-pedas-sumber-rasa")]
    [InlineData("gamis", "id", 1, "gamis-katun-rayon-motif-bunga")]
    [InlineData("gantungan kunci", "id", 1, "gantungan-kunci-kain-perca")]
    [InlineData("tudung saji", "id", 1, "tudung-saji-anyaman-nentu")]
    [InlineData("wajik ketan", "id", 1, "wajik-ketan-gula-aren")]
    [InlineData("kue bangkit", "id", 1, "kue-bangkit-santan-ibu-enah")]
    [InlineData("wedang", "id", 1, "wedang-rempah-kering")]
    // English, also finding what is described in Indonesian through the synonyms
    [InlineData("tempeh chips", "en", 5, TempeChips)]
    [InlineData("marlin fish floss", "en", 2, MarlinFloss)]
    [InlineData("fish floss", "en", 5, MarlinFloss + ",abon-cakalang-bahari,abon-tuna-sirip-kuning-250-g,abon-ikan-tongkol-pedas-kwanyar")]
    [InlineData("woven cloth", "en", 3, "kain-tenun-ikat-kendari-kalosara,sarung-tenun-tolaki")]
    [InlineData("rattan chair", "en", 2, "kursi-rotan-teras-model-lengkung,set-kursi-tamu-rotan")]
    [InlineData("rattan basket", "en", 1, "keranjang-rotan-set-isi-3")]
    [InlineData("cashew", "en", 3, Cashews)]
    [InlineData("honey roasted cashews", "en", 1, "mete-panggang-madu")]
    [InlineData("hand-drawn batik", "en", 3, "kain-batik-tulis-madura-merah-biru,batik-tulis-gentongan-tanjung-bumi,selendang-batik-tulis-sutra")]
    [InlineData("ground coffee", "en", 1, "kopi-robusta-dampit-bubuk")]
    [InlineData("red ginger", "en", 1, "jahe-merah-instan-gula-aren")]
    [InlineData("sago noodles", "en", 1, "sagu-mie-kering")]
    [InlineData("leather bag", "en", 1, "tas-kulit-sapi-wanita-tote")]
    [InlineData("wallet", "en", 1, "dompet-kulit-pria-lipat-dua")]
    [InlineData("belt", "en", 1, "ikat-pinggang-kulit-sapi")]
    [InlineData("woven bag", "en", 3, "tas-anyaman-pandan-motif-kotak,tas-nentu-kombinasi-kain-tenun,clutch-anyaman-pandan")]
    [InlineData("smoked fish", "en", 1, "ikan-asap-tongkol-kwanyar")]
    [InlineData("fish crackers", "en", 1, "kerupuk-ikan-tenggiri-mentah")]
    [InlineData("banana chips", "en", 1, "keripik-pisang-kepok-sumber-rasa")]
    [InlineData("batik shirt", "en", 1, "kemeja-batik-cap-pria-lengan-pendek")]
    [InlineData("office uniform", "en", 1, "kemeja-seragam-kantor-pesanan")]
    [InlineData("patchwork table runner", "en", 1, "taplak-meja-patchwork-perca")]
    [InlineData("key ring souvenir", "en", 1, "gantungan-kunci-kain-perca")]
    [InlineData("silk shawl", "en", 1, "selendang-batik-tulis-sutra")]
    [InlineData("sago starch", "en", 1, "tepung-sagu-murni-1-kg")]
    [InlineData("skipjack floss", "en", 1, "abon-cakalang-bahari")]
    [InlineData("sticky rice cake", "en", 1, "wajik-ketan-gula-aren")]
    // Typos
    [InlineData("kripik tempe", "id", 5, TempeChips)]
    [InlineData("keripk tempe", "id", 5, TempeChips)]
    [InlineData("abon marln", "id", 2, MarlinFloss)]
    [InlineData("abon tuan", "id", 3, "abon-tuna-sirip-kuning-250-g")]
    [InlineData("batk", "en", 3, "kain-batik-tulis-madura-merah-biru,batik-tulis-gentongan-tanjung-bumi,selendang-batik-tulis-sutra")]
    [InlineData("kurs rotan", "id", 2, "kursi-rotan-teras-model-lengkung,set-kursi-tamu-rotan")]
    // Mixed: product, certification, place, producer
    [InlineData("halal snacks from Malang", "en", 3, "keripik-tempe-original-bu-sri,keripik-tempe-pedas-daun-jeruk")]
    [InlineData("coffee from malang", "en", 2, "kopi-robusta-dampit-bubuk,kopi-robusta-biji-sangrai-1-kg")]
    [InlineData("bpom certified floss", "en", 3, "abon-ikan-marlin-original,abon-cakalang-bahari")]
    [InlineData("abon cakalang kendari", "id", 1, "abon-cakalang-bahari")]
    [InlineData("bu sri", "id", 3, "keripik-tempe-original-bu-sri,keripik-tempe-pedas-daun-jeruk,keripik-tempe-curah-1-kg")]
    // Both tempe-chip makers work in Kampung Sanan; only Bu Sri's chips are halal-certified.
    [InlineData("keripik tempe sanan", "id", 5, TempeChips)]
    [InlineData("keripik tempe halal", "id", 3, "keripik-tempe-original-bu-sri,keripik-tempe-pedas-daun-jeruk,keripik-tempe-curah-1-kg")]
    [InlineData("halal tempeh chips", "en", 3, "keripik-tempe-original-bu-sri,keripik-tempe-pedas-daun-jeruk,keripik-tempe-curah-1-kg")]
    public void Judged_queries_find_the_expected_products_at_the_top(string query, string culture, int within, string expected)
    {
        var top = Search(query, culture, within);

        var missing = expected.Split(',').Except(top).ToList();
        Assert.True(missing.Count == 0, $"'{query}' ({culture}) top {within}: [{string.Join(", ", top)}]; missing [{string.Join(", ", missing)}]");
    }

    [Theory]
    [InlineData("kripik tempe keju", "kripik-tempe-keju-dua-putri")]
    [InlineData("keripik kaca pedas", "keripik-kaca-pedas-nara")]
    public void Unpublished_products_and_products_of_unpublished_producers_are_never_found(string query, string slug)
    {
        Assert.DoesNotContain(slug, Search(query, "id", 100));
    }

    private List<string> Search(string query, string culture, int within)
    {
        var search = factory.Services.GetRequiredService<CatalogSearch>();
        var results = search.Search(new SearchRequest { Text = query, Culture = culture, NowUtc = DateTime.UtcNow, PageSize = within });
        return [.. results.Items.Select(h => h.Slug)];
    }
}
