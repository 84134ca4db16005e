using IkmCatalog.Search;

namespace IkmCatalog.Tests.Search;

public class AnalysisTests
{
    private static string One(string field, string word) => Assert.Single(SearchAnalyzers.Terms(field, word));

    [Fact]
    public void The_indonesian_stemmer_strips_real_affixes()
    {
        Assert.Equal("makan", One(SearchFields.TextIndonesian, "makanan"));
        Assert.Equal("olah", One(SearchFields.TextIndonesian, "olahan"));
        Assert.Equal("goreng", One(SearchFields.TextIndonesian, "digoreng"));
        Assert.Equal("anyam", One(SearchFields.TextIndonesian, "menganyam"));
    }

    [Theory]
    [InlineData("keripik")]
    [InlineData("kering")]
    [InlineData("pedas")]
    [InlineData("perca")]
    [InlineData("kemeja")]
    [InlineData("kedelai")]
    public void Product_words_on_the_no_stem_list_are_kept_as_written(string word)
    {
        Assert.Contains(word, SearchAnalyzers.IndonesianNoStem);
        Assert.Equal(word, One(SearchFields.TextIndonesian, word));
        Assert.Equal(word, One(SearchFields.NameIndonesian, word.ToUpperInvariant()));
    }

    [Fact]
    public void Without_the_no_stem_list_the_stemmer_would_turn_keripik_into_ripik()
    {
        using var plain = new Lucene.Net.Analysis.Id.IndonesianAnalyzer(SearchAnalyzers.Version);
        using var stream = plain.GetTokenStream("f", "keripik");
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());

        Assert.Equal("ripik", term.ToString());
    }

    [Fact]
    public void English_fields_use_porter_stemming_and_english_stop_words()
    {
        Assert.Equal(["chip", "malang"], SearchAnalyzers.Terms(SearchFields.TextEnglish, "Chips from Malang"));
        Assert.Equal("woven", One(SearchFields.NameEnglish, "woven"));
        Assert.Equal("basket", One(SearchFields.NameEnglish, "baskets"));
    }

    [Fact]
    public void Exact_fields_only_lower_case_and_fold_accents()
    {
        Assert.Equal(["keripik", "tempe", "cafe"], SearchAnalyzers.Terms(SearchFields.NameExact, "Keripik TEMPE Café"));
    }

    [Fact]
    public void Suggestion_fields_index_every_prefix_of_every_word()
    {
        var grams = SearchAnalyzers.Terms(SearchFields.SuggestIndonesian, "Abon Marlin");

        Assert.Equal(["a", "ab", "abo", "abon", "m", "ma", "mar", "marl", "marli", "marlin"], grams);
    }

    [Fact]
    public void Equivalent_synonyms_work_in_both_directions()
    {
        var map = SynonymMap.Parse(["keripik, kripik, chips", "rotan, rattan"]);

        Assert.Equivalent(new[] { "keripik", "kripik", "chips" }, map.Find("chips"));
        Assert.Equivalent(new[] { "keripik", "kripik", "chips" }, map.Find("keripik"));
        Assert.Equivalent(new[] { "rotan", "rattan" }, map.Find("rattan"));
        Assert.Equivalent(new[] { "rotan", "rattan" }, map.Find("rotan"));
        Assert.Null(map.Find("batik"));
    }

    [Fact]
    public void Replacement_synonyms_apply_one_way_and_comments_and_phrases_are_understood()
    {
        var map = SynonymMap.Parse(["# comment", "ikat => ikat, tenun  # trailing comment", "Jambu Mete, cashew", "oleh-oleh, souvenir"]);

        Assert.Equivalent(new[] { "ikat", "tenun" }, map.Find("ikat"));
        Assert.Null(map.Find("tenun"));
        Assert.Equivalent(new[] { "jambu mete", "cashew" }, map.Find("cashew"));
        Assert.Equivalent(new[] { "oleh oleh", "souvenir" }, map.Find("souvenir"));
        Assert.Equal(2, map.LongestPhrase);
    }

    [Fact]
    public void Query_words_are_grouped_into_the_longest_listed_phrase()
    {
        var map = SynonymMap.Parse(["jambu mete, cashew", "mete, cashew nut"]);

        var units = SearchQueryBuilder.Units("Jambu mete panggang", map);

        Assert.Equal(["jambu mete", "panggang"], units.Select(u => u.Text));
        Assert.Contains("cashew", units[0].Variants);
    }

    [Fact]
    public void The_shipped_synonym_list_covers_both_languages_and_parses()
    {
        var map = SynonymMap.Parse(File.ReadAllLines(SearchSynonyms.ShippedFile));

        Assert.Contains("chips", map.Find("keripik")!);
        Assert.Contains("keripik", map.Find("chips")!);
        Assert.Contains("floss", map.Find("abon")!);
        Assert.Contains("tenun", map.Find("woven")!);
        Assert.Contains("rattan", map.Find("rotan")!);
        Assert.Contains("cashew", map.Find("jambu mete")!);
        Assert.NotNull(map.Find("dodol"));
        Assert.NotNull(map.Find("batik"));
    }

    [Fact]
    public void Editors_extend_the_shipped_list_with_their_own_lines()
    {
        var synonyms = new SearchSynonyms(SearchSynonyms.ShippedFile);
        Assert.Null(synonyms.Current.Find("bakpia"));

        synonyms.UseEditorsList("# oleh-oleh\r\nbakpia, pia, mung bean pastry\n");

        Assert.Contains("pia", synonyms.Current.Find("bakpia")!);
        Assert.Contains("chips", synonyms.Current.Find("keripik")!);
    }

    [Theory]
    [InlineData("marlin", "marln", 1)]
    [InlineData("tuna", "tuan", 1)]
    [InlineData("keripik", "kripik", 1)]
    [InlineData("abon", "abn", 1)]
    [InlineData("tenun", "tenun", 0)]
    [InlineData("rotan", "rattan", 2)]
    public void Edit_distance_counts_swaps_as_one_typo(string a, string b, int expected) =>
        Assert.Equal(expected, CatalogSearch.EditDistance(a, b));
}
