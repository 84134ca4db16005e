using IkmCatalog.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace IkmCatalog.Tests.Search;

/// <summary>
/// Queries built with the reader's cached term lookups (and phrases that cannot match kept only for their weight)
/// must find and score exactly what the plain queries do.
/// </summary>
public sealed class TermStatesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikm-termstates-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;
    private readonly SynonymMap _synonyms = SynonymMap.Parse(["jambu mete, kacang mete, mete, cashew nuts, cashew", "abon, floss"]);

    public TermStatesTests()
    {
        _index = new SearchIndex(_folder, NullLogger<SearchIndex>.Instance);
        var products = new (string Id, string En, string Description)[]
        {
            ("Mete Panggang Madu", "Honey Roasted Cashew Nuts", "Jambu mete pilihan dari Buton, dipanggang dengan madu hutan."),
            ("Kacang Mete Kupas", "Shelled Cashew Nuts", "Kacang mete mentah, cocok untuk kue dan masakan."),
            ("Abon Ikan Marlin", "Marlin Fish Floss", "Abon ikan marlin gurih tanpa pengawet, teman nasi."),
            ("Abon Cakalang Pedas", "Spicy Skipjack Floss", "Abon cakalang dengan cabai; ada juga mete goreng sebagai camilan."),
            ("Keripik Tempe", "Tempeh Chips", "Keripik tempe tipis dan renyah dari Malang."),
        };
        for (var i = 0; i < products.Length; i++)
        {
            _index.Writer.AddDocument(SearchDocuments.Product(new ProductSource
            {
                Id = i + 1,
                Slug = $"product-{i + 1}",
                NameIndonesian = products[i].Id,
                NameEnglish = products[i].En,
                DescriptionIndonesian = products[i].Description,
                Categories = [new CategorySource("makanan", "Makanan Ringan", "Snacks")],
                ProducerSlug = "ud-sumber-rasa",
                ProducerName = "UD Sumber Rasa",
                RegionSlug = "kota-malang",
                RegionName = "Kota Malang",
                PublishedAtUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i),
            }));
            if (i == 2)
            {
                _index.Commit(); // two segments, as a growing index has
            }
        }
        _index.Commit();
    }

    [Theory]
    [InlineData("cashew nuts", "en")]
    [InlineData("jambu mete", "id")]
    [InlineData("abon ikan marlin", "id")]
    [InlineData("mete goreng", "id")]
    [InlineData("keripik tempe malang", "id")]
    [InlineData("honey roasted cashew", "en")]
    public void Cached_term_lookups_find_and_score_exactly_as_plain_queries(string text, string culture)
    {
        _index.Read(searcher =>
        {
            var plain = Hits(searcher, SearchQueryBuilder.Build(text, culture, _synonyms)!);
            var cached = Hits(searcher, SearchQueryBuilder.Build(text, culture, _synonyms, termStates: TermStates.Of(searcher))!);

            Assert.NotEmpty(plain);
            Assert.Equal(plain, cached);
            return 0;
        });
    }

    [Fact]
    public void A_term_the_index_lacks_is_known_as_absent()
    {
        _index.Read(searcher =>
        {
            var states = TermStates.Of(searcher);
            Assert.True(states.Exists(new Term(SearchFields.NameExact, "marlin")));
            Assert.False(states.Exists(new Term(SearchFields.Producer, "marlin")));
            Assert.Equal(2, states.Lookup(new Term(SearchFields.NameExact, "abon")).DocFreq);
            return 0;
        });
    }

    private static List<(int Doc, float Score)> Hits(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, 10).ScoreDocs.Select(d => (d.Doc, d.Score))];

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
