using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace IkmCatalog.Search;

/// <summary>
/// This node's Lucene index: one writer for the process and near-real-time searchers over it. The index is derived
/// data, so anything wrong with it on disk (missing, corrupt, older layout) is answered by starting empty and
/// flagging <see cref="NeedsRebuild"/>, never by failing start-up.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Bumped when documents or analysis change shape; an index written by another layout is rebuilt.</summary>
    public const string Layout = "3";

    private const string LayoutKey = "ikm.layout";

    /// <summary>Held while a process uses the index; Lucene's own write lock does not stop a second process on Linux.</summary>
    private const string ProcessLockFile = "ikm-process.lock";

    private readonly FileStream _processLock;
    private LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private bool _disposed;

    /// <summary>
    /// Positional file reads (NIOFSDirectory) rather than memory-mapped files, except on Windows, where those reads
    /// serialize. Lucene.Net's memory-mapped inputs register every per-query clone for unmapping, which left the
    /// garbage collector about 13 ms per young collection on the 100k-product catalogue; with file reads a collection
    /// takes about 1 ms and a search's 99th percentile dropped by a third (bench/Search). Searches then read the
    /// segments from memory (<see cref="MemoryReadDirectory"/>), without a system call per kilobyte.
    /// </summary>
    private static MemoryReadDirectory OpenDirectory(string path) =>
        new(OperatingSystem.IsWindows() ? FSDirectory.Open(path) : new NIOFSDirectory(path));

    public SearchIndex(string path, ILogger<SearchIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        Path = path;
        System.IO.Directory.CreateDirectory(path);
        try
        {
            _processLock = new FileStream(System.IO.Path.Combine(path, ProcessLockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new SearchIndexInUseException(path, e);
        }
        _directory = OpenDirectory(path);
        NeedsRebuild = !IsUsable(_directory, logger, out var reason);
        if (NeedsRebuild)
        {
            logger.LogWarning("Search index at {Path} {Reason}; starting empty, it will be rebuilt from the database.", path, reason);
            // Derived data: clear the folder rather than let the writer trip over damaged files.
            _directory.Dispose();
            foreach (var file in new DirectoryInfo(path).EnumerateFiles().Where(f => f.Name != ProcessLockFile))
            {
                file.Delete();
            }
            _directory = OpenDirectory(path);
        }
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.CreateIndexAnalyzer())
        {
            OpenMode = NeedsRebuild ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            Similarity = Similarity,
            RAMBufferSizeMB = 48,
        });
        if (NeedsRebuild)
        {
            Commit();
        }
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SimilaritySearcherFactory());
    }

    /// <summary>Classic TF-IDF: its coordination factor ranks documents matching more of the words first.</summary>
    public static Similarity Similarity { get; } = new DefaultSimilarity();

    public string Path { get; }

    /// <summary>True until the index has been filled from the database after it was found missing or unusable.</summary>
    public bool NeedsRebuild { get; private set; }

    /// <summary>Serialises writers: journal application and rebuilds never interleave.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public IndexWriter Writer => _writer;

    /// <summary>Makes the writes so far durable and visible to new searches.</summary>
    public void Commit()
    {
        _writer.SetCommitData(new Dictionary<string, string> { [LayoutKey] = Layout });
        _writer.Commit();
        _searchers?.MaybeRefreshBlocking();
    }

    public void MarkRebuilt() => NeedsRebuild = false;

    /// <summary>Runs a read against the latest searcher.</summary>
    public T Read<T>(Func<IndexSearcher, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Size of the index files on disk.</summary>
    public long SizeInBytes() =>
        new DirectoryInfo(Path).EnumerateFiles().Sum(f => f.Length);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        WriteLock.Dispose();
        _processLock.Dispose();
    }

    private static bool IsUsable(LuceneDirectory directory, ILogger logger, out string reason)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                reason = "does not exist";
                return false;
            }
            using var reader = DirectoryReader.Open(directory);
            var layout = reader.IndexCommit.UserData.TryGetValue(LayoutKey, out var value) ? value : null;
            if (layout != Layout)
            {
                reason = $"has layout {layout ?? "none"}, not {Layout}";
                return false;
            }
            // Touch every segment's postings and stored fields once: a truncated or damaged file fails here, at
            // start-up, instead of in a buyer's search.
            foreach (var leaf in reader.Leaves)
            {
                var fields = leaf.AtomicReader.Fields;
                if (fields is not null)
                {
                    foreach (var field in fields)
                    {
                        fields.GetTerms(field)?.GetEnumerator().MoveNext();
                    }
                }
                if (leaf.AtomicReader.MaxDoc > 0)
                {
                    leaf.AtomicReader.Document(0);
                }
            }
            reason = "";
            return true;
        }
        catch (Exception e)
        {
            // Whatever a damaged file throws, the answer is the same: rebuild this derived data.
            logger.LogDebug(e, "Search index check failed.");
            reason = $"is unreadable ({e.GetType().Name}: {e.Message})";
            return false;
        }
    }

    private sealed class SimilaritySearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new StatisticsCachingSearcher(reader) { Similarity = Similarity };
    }

    /// <summary>
    /// Keeps each field's collection statistics for the searcher's life (its reader never changes). Lucene works them
    /// out for every term of every query by merging the segments' term dictionaries of the field anew.
    /// </summary>
    private sealed class StatisticsCachingSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CollectionStatistics> _fields = new(StringComparer.Ordinal);

        public override CollectionStatistics CollectionStatistics(string field) =>
            _fields.TryGetValue(field, out var statistics) ? statistics : _fields.GetOrAdd(field, base.CollectionStatistics(field));
    }
}

/// <summary>Another process (usually the running site) has this index open.</summary>
public sealed class SearchIndexInUseException(string path, Exception inner)
    : IOException($"The search index at {path} is in use by another process.", inner);
