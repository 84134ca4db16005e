using System.Collections.Concurrent;

namespace IkmCatalog.Web.Media;

/// <summary>
/// The media versions this node has seen in the database since it started, so the image endpoint serves a cached
/// variant without asking the database and still never serves one of a deleted or replaced item: an item it does
/// not know (after a restart, or once the journal said it changed) goes the long way through the database once.
/// Filled by the variant processor, emptied for an item by the media-purge journal entries.
/// </summary>
public sealed class LiveMediaVersions
{
    private readonly ConcurrentDictionary<int, string> _versions = new();
    private long _forgets;

    /// <summary>True when the database said, since the last change journalled for the item, that this is its version.</summary>
    public bool IsCurrent(int mediaId, string version) =>
        _versions.TryGetValue(mediaId, out var known) && string.Equals(known, version, StringComparison.Ordinal);

    /// <summary>Taken before reading an item from the database; see <see cref="Confirm"/>.</summary>
    public long Stamp() => Interlocked.Read(ref _forgets);

    /// <summary>
    /// Records the version read from the database, unless an item was forgotten since <paramref name="stamp"/>: that
    /// read may predate the change, and a later request reads again.
    /// </summary>
    public void Confirm(int mediaId, string version, long stamp)
    {
        _versions[mediaId] = version;
        if (Interlocked.Read(ref _forgets) != stamp)
        {
            _versions.TryRemove(mediaId, out _);
        }
    }

    public void Forget(int mediaId)
    {
        Interlocked.Increment(ref _forgets);
        _versions.TryRemove(mediaId, out _);
    }

    public void ForgetAll()
    {
        Interlocked.Increment(ref _forgets);
        _versions.Clear();
    }
}
