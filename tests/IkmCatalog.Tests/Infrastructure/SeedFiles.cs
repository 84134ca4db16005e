using System.Text.Json;

namespace IkmCatalog.Tests.Infrastructure;

/// <summary>Reads media-seed/ JSON directly, so tests compare the site against the content it was given.</summary>
public static class SeedFiles
{
    public static List<JsonElement> Read(string file)
    {
        using var stream = File.OpenRead(Path.Combine(IkmWebFactory.SeedPath, file));
        return JsonSerializer.Deserialize<List<JsonElement>>(stream)!;
    }

    public static IEnumerable<string> Slugs(string file, bool published) =>
        Read(file).Where(e => e.GetProperty("published").GetBoolean() == published).Select(e => e.GetProperty("slug").GetString()!);
}
