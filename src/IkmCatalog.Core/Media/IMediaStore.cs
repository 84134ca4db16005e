namespace IkmCatalog.Media;

/// <summary>
/// Where media originals live. The default keeps them under the data folder; a shared store (object storage,
/// network share) replaces it when several web nodes serve the site.
/// </summary>
public interface IMediaStore
{
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens an original for reading, or returns null when it does not exist.</summary>
    Stream? OpenRead(string key);

    bool Exists(string key);

    void Delete(string key);
}

public sealed class FileSystemMediaStore(string root) : IMediaStore
{
    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Write beside the target and rename, so a reader never sees half a file.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = File.Create(temp))
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        File.Move(temp, path, overwrite: true);
    }

    public Stream? OpenRead(string key)
    {
        var path = PathFor(key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public bool Exists(string key) => File.Exists(PathFor(key));

    public void Delete(string key)
    {
        var path = PathFor(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Local path of an original, for libvips to read without copying.</summary>
    public string PathFor(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key))
        {
            throw new ArgumentException("Invalid media key.", nameof(key));
        }
        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
