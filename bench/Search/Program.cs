using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using IkmCatalog.Search;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet run -c Release --project bench/Search -- [--count 100000] [--products FILE.jsonl] [--shared DIR]
//        [--queries FILE] [--index DIR] [--rounds 3000]
// Without --products it runs `python3 <shared>/gen_products.py <count>` once into bench/out/.
var options = Options.Parse(args);
var repo = Options.RepositoryRoot();
var shared = options.Get("shared") ?? Path.GetFullPath(Path.Combine(repo, "..", "shared", "bench"));
var count = int.Parse(options.Get("count") ?? "100000", CultureInfo.InvariantCulture);
var outDir = Path.Combine(repo, "bench", "out");
Directory.CreateDirectory(outDir);
var productsFile = options.Get("products") ?? Path.Combine(outDir, $"products-{count}.jsonl");
var queriesFile = options.Get("queries") ?? Path.Combine(shared, "queries.txt");
var indexDir = options.Get("index") ?? Path.Combine(outDir, "index");
var rounds = int.Parse(options.Get("rounds") ?? "3000", CultureInfo.InvariantCulture);

if (!File.Exists(productsFile))
{
    Console.WriteLine($"Generating {count} products with {Path.Combine(shared, "gen_products.py")} …");
    var python = Process.Start(new ProcessStartInfo("python3", [Path.Combine(shared, "gen_products.py"), count.ToString(CultureInfo.InvariantCulture)])
    {
        RedirectStandardOutput = true,
    })!;
    await using (var file = File.Create(productsFile))
    {
        await python.StandardOutput.BaseStream.CopyToAsync(file);
    }
    await python.WaitForExitAsync();
    if (python.ExitCode != 0)
    {
        throw new InvalidOperationException("gen_products.py failed.");
    }
}

// --reuse true: measure queries on the index of the previous run (while tuning queries).
var reuse = options.Get("reuse") == "true" && Directory.Exists(indexDir);
if (Directory.Exists(indexDir) && !reuse)
{
    Directory.Delete(indexDir, recursive: true);
}
var now = DateTime.UtcNow;
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; catalogue {productsFile}");

// Rebuild: read, build documents with the application's builder, index, commit, exactly as SearchIndexer does.
using var index = new SearchIndex(indexDir, NullLogger<SearchIndex>.Instance);
if (!reuse)
{
    var watch = Stopwatch.StartNew();
    var indexed = 0;
    var writer = index.Writer;
    writer.DeleteAll();
    foreach (var line in File.ReadLines(productsFile))
    {
        var record = JsonSerializer.Deserialize(line, BenchJson.Default.SyntheticProduct)!;
        writer.AddDocument(SearchDocuments.Product(record.ToSource(now)));
        indexed++;
    }
    index.Commit();
    watch.Stop();
    Console.WriteLine($"Rebuild: {indexed:N0} products in {watch.Elapsed.TotalSeconds:0.0} s ({indexed / watch.Elapsed.TotalSeconds:N0} docs/s), " +
        $"index {index.SizeInBytes() / 1024.0 / 1024.0:0.0} MiB on disk");
}

// The mixed query set: each shared query as typed, with a filter, sorted by price, on page 2; all with facets,
// highlighting and the page's 12 hits, as the search page asks for them.
var words = File.ReadAllLines(queriesFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
var requests = new List<SearchRequest>();
foreach (var w in words)
{
    requests.Add(new SearchRequest { Text = w, NowUtc = now });
    requests.Add(new SearchRequest { Text = w, Culture = "en", NowUtc = now, Region = "kota-malang" });
    requests.Add(new SearchRequest { Text = w, NowUtc = now, Certification = "halal", Sort = SearchSort.PriceAscending });
    requests.Add(new SearchRequest { Text = w, Culture = "en", NowUtc = now, Page = 2, ExportReady = true });
}
requests.Add(new SearchRequest { NowUtc = now });
requests.Add(new SearchRequest { NowUtc = now, Category = "keripik", Sort = SearchSort.Newest });
var search = new CatalogSearch(index, new SearchSynonyms(SearchSynonyms.ShippedFile));
var empty = requests.Count(r => search.Search(r).Total == 0);
Console.WriteLine($"Query set: {requests.Count} requests from {words.Count} queries ({empty} with no results)");
// What buyers would see (hits in order with their marked names and snippets, totals, facet counts, suggestions),
// as one digest: a change for speed must leave it as it was.
var seen = new System.Text.StringBuilder();
foreach (var r in requests)
{
    var result = search.Search(r);
    seen.Append(result.Total).Append(result.DidYouMean).AppendJoin('|', result.Items.Select(h => $"{h.Id} {h.Slug} {h.NameHtml} {h.SnippetHtml}"))
        .AppendJoin('|', new[] { result.Facets.Category, result.Facets.Region, result.Facets.Certification, result.Facets.ExportReady }
            .SelectMany(f => f).Select(v => $"{v.Value}={v.Count}")).Append('\n');
}
Console.WriteLine($"Results digest: {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seen.ToString())))[..16]}");

for (var i = 0; i < 1500; i++)
{
    search.Search(requests[i % requests.Count]); // warm-up: JIT, caches
}

var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
// CPU time per query holds still while other processes share the machine; wall-clock latencies do not.
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var single = Measure(1, rounds);
Report("1 client ", single.Latencies, single.Elapsed);
var two = Measure(2, rounds);
Report("2 clients", two.Latencies, two.Elapsed);
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU {cpu.TotalMilliseconds / (2 * rounds):0.00} ms per query; GC during the {2 * rounds} queries: {GC.CollectionCount(0) - gcBefore.Item1} gen0, {GC.CollectionCount(1) - gcBefore.Item2} gen1, " +
    $"{GC.CollectionCount(2) - gcBefore.Item3} gen2, {(GC.GetTotalAllocatedBytes() - gcBefore.Item4) / 1024.0 / (2 * rounds):0} KiB allocated per query, " +
    $"paused {(GC.GetTotalPauseDuration() - gcBefore.Item5).TotalMilliseconds:0} ms"));

// Which requests cost most: the mean of each over a few runs, slowest first (where tuning pays).
var slowest = requests.Select(r =>
{
    var t = Stopwatch.GetTimestamp();
    for (var i = 0; i < 5; i++)
    {
        search.Search(r);
    }
    return (Request: r, Mean: Stopwatch.GetElapsedTime(t).TotalMilliseconds / 5);
}).OrderByDescending(x => x.Mean).Take(int.Parse(options.Get("slowest") ?? "5", CultureInfo.InvariantCulture));
foreach (var (r, mean) in slowest)
{
    var hits = search.Search(r).Total;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  slow: {mean,6:0.00} ms  {hits,6} hits  \"{r.Text}\" {r.Culture} region={r.Region} cert={r.Certification} export={r.ExportReady} page={r.Page} sort={r.Sort}"));
}

var prefixes = new[] { "kr", "keri", "abon m", "ten", "rot", "batik t", "kopi", "jam", "sag", "woven" };
var suggest = new List<double>();
for (var i = 0; i < 2000; i++)
{
    var t = Stopwatch.GetTimestamp();
    search.Suggest(prefixes[i % prefixes.Length], i % 2 == 0 ? "id" : "en", now);
    suggest.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
}
Report("suggest  ", suggest, TimeSpan.FromMilliseconds(suggest.Sum()));
return 0;

(List<double> Latencies, TimeSpan Elapsed) Measure(int clients, int total)
{
    var latencies = new List<double>[clients];
    var wall = Stopwatch.StartNew();
    Parallel.For(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients }, c =>
    {
        var mine = new List<double>(total / clients);
        for (var i = 0; i < total / clients; i++)
        {
            var request = requests[(i * clients + c) % requests.Count];
            var t = Stopwatch.GetTimestamp();
            search.Search(request);
            mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        latencies[c] = mine;
    });
    wall.Stop();
    return ([.. latencies.SelectMany(l => l)], wall.Elapsed);
}

static void Report(string label, List<double> latencies, TimeSpan elapsed)
{
    latencies.Sort();
    double P(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: {latencies.Count} queries, p50 {P(0.50):0.00} ms, p95 {P(0.95):0.00} ms, p99 {P(0.99):0.00} ms, max {latencies[^1]:0.00} ms, {latencies.Count / elapsed.TotalSeconds:0} queries/s"));
}

/// <summary>One line of gen_products.py's output.</summary>
internal sealed record SyntheticProduct(
    int Id, string Slug, string NameId, string NameEn, string DescriptionId, string DescriptionEn, string Category, string Region,
    string Producer, long PriceIdr, string Unit, int Moq, bool ExportReady, bool Retail, List<string> Certifications, string Created)
{
    // The generator's category keys, as the category tree would name them.
    private static readonly Dictionary<string, (string Id, string En)> CategoryNames = new()
    {
        ["keripik"] = ("Keripik & Makanan Ringan", "Chips & Snacks"),
        ["abon"] = ("Abon & Olahan Ikan", "Floss & Fish Products"),
        ["kue"] = ("Dodol & Kue", "Dodol & Cakes"),
        ["minuman"] = ("Minuman", "Beverages"),
        ["kerajinan"] = ("Kerajinan & Rotan", "Handicrafts & Rattan"),
        ["tekstil"] = ("Tenun & Batik", "Woven Cloth & Batik"),
        ["busana"] = ("Busana & Aksesori", "Garments & Accessories"),
        ["mete"] = ("Mete & Sagu", "Cashews & Sago"),
    };

    public ProductSource ToSource(DateTime now)
    {
        var (nameId, nameEn) = CategoryNames.GetValueOrDefault(Category, (Category, Category));
        return new ProductSource
        {
            Id = Id,
            Slug = Slug,
            NameIndonesian = NameId,
            NameEnglish = NameEn,
            DescriptionIndonesian = DescriptionId,
            DescriptionEnglish = DescriptionEn,
            Categories = [new CategorySource(Category, nameId, nameEn)],
            ProducerSlug = Slugify(Producer),
            ProducerName = Producer,
            RegionSlug = Slugify(Region),
            RegionName = Region,
            PriceIdr = PriceIdr,
            Retail = Retail,
            ExportReady = ExportReady,
            // Some certificates have expired, so "valid only" has work to do.
            Certifications = [.. Certifications.Select((c, i) => new CertificateSource(c.ToLowerInvariant(),
                (Id + i) % 5 == 0 ? DateOnly.FromDateTime(now).AddDays(-30) : null))],
            PublishedAtUtc = DateTime.Parse(Created, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
        };
    }

    private static string Slugify(string text) => text.ToLowerInvariant().Replace(' ', '-');
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SyntheticProduct))]
internal sealed partial class BenchJson : JsonSerializerContext;

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        return new Options(values);
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IkmCatalog.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("IkmCatalog.sln not found above the benchmark.");
    }
}
