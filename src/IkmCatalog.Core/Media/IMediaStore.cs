namespace IkmCatalog.Media;

/// <summary>
/// Where media originals live. The default keeps them under the data folder; a shared store (object storage,
/// network share) replaces it when several web nodes serve the site.
/// </summary>
public interface IMediaStore
{
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens an original for reading, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes an original; removing one that is not there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// A local file path of the original when the store has one, so libvips can read (and shrink on load) without
    /// a copy; a remote store returns null and the image pipeline copies the original to a temporary file first.
    /// </summary>
    string? TryGetLocalPath(string key);
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
        try
        {
            await using (var file = File.Create(temp))
            {
                await content.CopyToAsync(file, cancellationToken);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathFor(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        File.Delete(path); // no error when it is already gone
        var folder = Path.GetDirectoryName(path)!;
        // Each original has a folder of its own; leave no empty folders behind.
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any() && !string.Equals(Path.GetFullPath(folder), Path.GetFullPath(root), StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                // Another upload landed in it meanwhile; it is not empty any more.
            }
        }
        return Task.CompletedTask;
    }

    public string? TryGetLocalPath(string key) => PathFor(key);

    /// <summary>Local path of an original; keys never leave the store's folder.</summary>
    public string PathFor(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key) || key.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid media key.", nameof(key));
        }
        var fullRoot = Path.GetFullPath(root);
        var path = Path.GetFullPath(Path.Combine(fullRoot, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid media key.", nameof(key));
        }
        return path;
    }
}

/// <summary>
/// Derivatives (resized variants) of originals, kept by the web layer. The media library tells it when an original
/// is replaced or deleted so no outdated or deleted picture is served again.
/// </summary>
public interface IMediaVariantCache
{
    Task PurgeAsync(int mediaId, CancellationToken cancellationToken = default);
}

/// <summary>How media changes appear in the node journal.</summary>
public static class MediaJournal
{
    /// <summary>DocumentType of a media-purge entry (DocumentId = the media item's id).</summary>
    public const string DocumentType = "MediaItem";
}
