using IkmCatalog.Data;
using IkmCatalog.Web.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Tests.Media;

public sealed class VariantCacheTests : IDisposable
{
    private const int Kb = 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ikm-tests", "cache-" + Guid.NewGuid().ToString("N"));
    private readonly VariantCache _cache;

    public VariantCacheTests()
    {
        _cache = new VariantCache(new DataPaths(_root), Options.Create(new MediaOptions { CacheMaxBytes = 1024 * Kb }), NullLogger<VariantCache>.Instance);
    }

    private string Add(int mediaId, string key, int size)
    {
        var temp = _cache.NewTempPath(mediaId, key);
        File.WriteAllBytes(temp, new byte[size]);
        var path = _cache.PathFor(mediaId, key, ImageFormat.WebP);
        _cache.Commit(temp, path);
        return path;
    }

    [Fact]
    public void Over_its_cap_the_cache_drops_the_least_recently_used_variants_first()
    {
        var a = Add(1, "aaaa", 300 * Kb);
        var b = Add(1, "bbbb", 300 * Kb);
        var c = Add(2, "cccc", 300 * Kb);
        Assert.NotNull(_cache.Find(1, "aaaa", ImageFormat.WebP)); // a is used again: b is now the oldest

        var d = Add(2, "dddd", 300 * Kb);

        Assert.True(File.Exists(a));
        Assert.False(File.Exists(b));
        Assert.True(File.Exists(c));
        Assert.True(File.Exists(d));
        Assert.Equal(900 * Kb, _cache.CurrentBytes);
        Assert.Null(_cache.Find(1, "bbbb", ImageFormat.WebP));
    }

    [Fact]
    public void Committed_variants_replace_their_temporary_file_and_no_temporary_file_is_ever_found()
    {
        var temp = _cache.NewTempPath(3, "eeee");
        File.WriteAllBytes(temp, [1, 2, 3]);

        Assert.Null(_cache.Find(3, "eeee", ImageFormat.WebP)); // written but not committed: not served

        _cache.Commit(temp, _cache.PathFor(3, "eeee", ImageFormat.WebP));

        Assert.False(File.Exists(temp));
        Assert.NotNull(_cache.Find(3, "eeee", ImageFormat.WebP));
    }

    [Fact]
    public async Task Purging_an_item_removes_all_its_variants_and_no_other()
    {
        Add(5, "ffff", 10 * Kb);
        var other = Add(6, "gggg", 10 * Kb);
        var temp = _cache.NewTempPath(5, "hhhh");
        File.WriteAllBytes(temp, new byte[10]);
        _cache.Commit(temp, _cache.PathFor(5, "hhhh", ImageFormat.Jpeg));

        await _cache.PurgeAsync(5);

        Assert.False(Directory.Exists(_cache.FolderFor(5)));
        Assert.Null(_cache.Find(5, "ffff", ImageFormat.WebP));
        Assert.Null(_cache.Find(5, "hhhh", null));
        Assert.True(File.Exists(other));
        Assert.Equal(10 * Kb, _cache.CurrentBytes);
    }

    [Fact]
    public void Without_a_format_a_jpeg_or_png_variant_is_found()
    {
        var temp = _cache.NewTempPath(7, "iiii");
        File.WriteAllBytes(temp, [1]);
        _cache.Commit(temp, _cache.PathFor(7, "iiii", ImageFormat.Png));

        Assert.Equal(ImageFormat.Png, _cache.Find(7, "iiii", null)?.Format);
        Assert.Null(_cache.Find(7, "iiii", ImageFormat.WebP));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
