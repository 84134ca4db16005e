using System.Diagnostics;
using IkmCatalog.Catalog;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Producers;
using IkmCatalog.Stories;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IkmCatalog.Search;

/// <summary>What a rebuild indexed and how long it took.</summary>
public sealed record RebuildResult(int Products, int Producers, int Stories, TimeSpan Elapsed, long IndexBytes);

/// <summary>What one catch-up did: the journal entries applied (none when it rebuilt instead), and whether it rebuilt.</summary>
public sealed record CatchUpResult(int EntriesApplied, bool Rebuilt, long LastJournalId)
{
    /// <summary>The entries applied, in journal order; other per-node handlers act on the same ones.</summary>
    public IReadOnlyList<IndexJournalEntry> Entries { get; init; } = [];
}

/// <summary>
/// Keeps this node's index in step with the database: rebuilds it from published content, and applies the index
/// journal written by every node (see <see cref="IndexJournalEntry"/>) after this node's cursor.
/// </summary>
public sealed class SearchIndexer(
    IkmDbContext db, SearchIndex index, SearchNodeName node, MarkdownRenderer markdown, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<SearchOptions> options, ILogger<SearchIndexer> logger)
{
    private const int BatchSize = 500;

    /// <summary>
    /// Rebuilds this node's index from the database and journals a rebuild so every other node does the same (the
    /// backoffice's "rebuild search index" button).
    /// </summary>
    public async Task<RebuildResult> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await index.WriteLock.WaitAsync(cancellationToken);
        try
        {
            var entry = new IndexJournalEntry { Action = IndexJournalActions.Rebuild, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.IndexJournal.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            return await RebuildLockedAsync(entry.Id, cancellationToken);
        }
        finally
        {
            index.WriteLock.Release();
        }
    }

    /// <summary>
    /// Applies the journal entries after this node's cursor; rebuilds instead when the index is missing or damaged,
    /// the node has no cursor yet, is too far behind, or an entry asks for it.
    /// </summary>
    public async Task<CatchUpResult> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await index.WriteLock.WaitAsync(cancellationToken);
        try
        {
            var state = await db.SearchNodes.AsNoTracking().FirstOrDefaultAsync(n => n.NodeName == node.Name, cancellationToken);
            var last = await db.IndexJournal.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            var first = await db.IndexJournal.MinAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            var reason = index.NeedsRebuild ? "the index was missing or unreadable"
                : state is null ? "this node has no journal cursor yet"
                : state.LastJournalId < first - 1 ? "journal entries this node never saw have been pruned"
                : last - state.LastJournalId > options.Value.MaxLag ? $"it is {last - state.LastJournalId} journal entries behind"
                : null;
            if (reason is not null)
            {
                logger.LogInformation("Rebuilding the search index of node {Node}: {Reason}.", node.Name, reason);
                await RebuildLockedAsync(last, cancellationToken);
                return new CatchUpResult(0, true, last);
            }

            var cursor = state!.LastJournalId;
            var applied = 0;
            var all = new List<IndexJournalEntry>();
            while (true)
            {
                var read = await db.IndexJournal.AsNoTracking().Where(e => e.Id > cursor).OrderBy(e => e.Id)
                    .Take(BatchSize).ToListAsync(cancellationToken);
                var entries = UpToOpenGap(read, cursor, clock.GetUtcNow().UtcDateTime, options.Value.JournalGapGrace);
                if (entries.Count == 0)
                {
                    break;
                }
                if (entries.Any(e => e.Action == IndexJournalActions.Rebuild))
                {
                    var upTo = await db.IndexJournal.MaxAsync(e => e.Id, cancellationToken);
                    logger.LogInformation("Rebuilding the search index of node {Node}: a rebuild was requested.", node.Name);
                    await RebuildLockedAsync(upTo, cancellationToken);
                    all.AddRange(entries);
                    return new CatchUpResult(applied, true, upTo) { Entries = all };
                }
                await ApplyAsync(entries, cancellationToken);
                all.AddRange(entries);
                cursor = entries[^1].Id;
                applied += entries.Count;
                await SaveCursorAsync(cursor, rebuilt: false, cancellationToken);
                if (entries.Count < read.Count)
                {
                    break; // an id below the rest may still commit: wait for it at the next poll
                }
            }
            await PruneJournalAsync(cancellationToken);
            return new CatchUpResult(applied, false, cursor) { Entries = all };
        }
        finally
        {
            index.WriteLock.Release();
        }
    }

    /// <summary>
    /// The entries that can be applied now: those after the cursor up to the first gap in the ids, unless the entry
    /// after the gap is older than <paramref name="grace"/> (the missing id was rolled back, not still committing).
    /// Without this, a save that commits after a later one would be skipped for good on PostgreSQL.
    /// </summary>
    public static List<IndexJournalEntry> UpToOpenGap(List<IndexJournalEntry> entries, long cursor, DateTime nowUtc, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ready = new List<IndexJournalEntry>(entries.Count);
        var expected = cursor + 1;
        foreach (var entry in entries)
        {
            if (entry.Id != expected && nowUtc - entry.CreatedAtUtc < grace)
            {
                break;
            }
            ready.Add(entry);
            expected = entry.Id + 1;
        }
        return ready;
    }

    private async Task<RebuildResult> RebuildLockedAsync(long journalId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var writer = index.Writer;
        writer.DeleteAll();
        var categories = await CategoryTree.LoadAsync(db, cancellationToken);

        var producers = 0;
        await foreach (var producer in ProducersQuery().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            writer.AddDocument(SearchDocuments.Producer(ToSource(producer)));
            producers++;
        }
        var products = 0;
        var lastId = 0;
        while (true)
        {
            // Keyset pages keep memory flat however large the catalogue is.
            var id = lastId;
            var page = await ProductsQuery().Where(p => p.Id > id).OrderBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            foreach (var product in page)
            {
                writer.AddDocument(SearchDocuments.Product(ToSource(product, categories)));
            }
            products += page.Count;
            lastId = page[^1].Id;
        }
        var stories = 0;
        await foreach (var story in StoriesQuery().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            writer.AddDocument(SearchDocuments.Story(ToSource(story)));
            stories++;
        }
        index.Commit();
        index.MarkRebuilt();
        await SaveCursorAsync(journalId, rebuilt: true, cancellationToken);
        var result = new RebuildResult(products, producers, stories, Stopwatch.GetElapsedTime(started), index.SizeInBytes());
        logger.LogInformation("Search index rebuilt: {Products} products, {Producers} producers, {Stories} stories in {Elapsed} ms.",
            products, producers, stories, (int)result.Elapsed.TotalMilliseconds);
        return result;
    }

    private async Task ApplyAsync(List<IndexJournalEntry> entries, CancellationToken cancellationToken)
    {
        var products = new HashSet<int>();
        var producers = new HashSet<int>();
        var stories = new HashSet<int>();
        var writer = index.Writer;
        foreach (var entry in entries)
        {
            switch (entry.DocumentType)
            {
                case nameof(Product):
                    products.Add(entry.DocumentId);
                    break;
                case nameof(Producer):
                    producers.Add(entry.DocumentId);
                    break;
                case nameof(Story):
                    stories.Add(entry.DocumentId);
                    break;
                case nameof(Category):
                    // Products show their category's and ancestors' names: every product below it changes.
                    var tree = await CategoryTree.LoadAsync(db, cancellationToken);
                    var below = tree.WithDescendants(entry.DocumentId);
                    products.UnionWith(await db.Products.Where(p => below.Contains(p.CategoryId)).Select(p => p.Id).ToListAsync(cancellationToken));
                    break;
                case nameof(Region):
                    producers.UnionWith(await db.Producers.Where(p => p.RegionId == entry.DocumentId).Select(p => p.Id).ToListAsync(cancellationToken));
                    stories.UnionWith(await db.Stories.Where(s => s.RegionId == entry.DocumentId).Select(s => s.Id).ToListAsync(cancellationToken));
                    break;
            }
        }
        // A producer's documents carry into its products (name, region, certificates, and whether it is public) and stories.
        var producerIds = producers.ToList();
        products.UnionWith(await db.Products.Where(p => producerIds.Contains(p.ProducerId)).Select(p => p.Id).ToListAsync(cancellationToken));
        stories.UnionWith(await db.Stories.Where(s => s.ProducerId != null && producerIds.Contains(s.ProducerId.Value)).Select(s => s.Id).ToListAsync(cancellationToken));

        var categories = await CategoryTree.LoadAsync(db, cancellationToken);
        foreach (var chunk in producers.Chunk(BatchSize))
        {
            var found = await ProducersQuery().Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken);
            foreach (var id in chunk)
            {
                var producer = found.FirstOrDefault(p => p.Id == id);
                Upsert(writer, SearchDocumentTypes.Producer, id, producer is null ? null : SearchDocuments.Producer(ToSource(producer)));
            }
        }
        foreach (var chunk in products.Chunk(BatchSize))
        {
            var found = await ProductsQuery().Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken);
            foreach (var id in chunk)
            {
                var product = found.FirstOrDefault(p => p.Id == id);
                Upsert(writer, SearchDocumentTypes.Product, id, product is null ? null : SearchDocuments.Product(ToSource(product, categories)));
            }
        }
        foreach (var chunk in stories.Chunk(BatchSize))
        {
            var found = await StoriesQuery().Where(s => chunk.Contains(s.Id)).ToListAsync(cancellationToken);
            foreach (var id in chunk)
            {
                var story = found.FirstOrDefault(s => s.Id == id);
                Upsert(writer, SearchDocumentTypes.Story, id, story is null ? null : SearchDocuments.Story(ToSource(story)));
            }
        }
        index.Commit();
    }

    /// <summary>Replaces the document, or removes it when it is no longer published (or no longer exists).</summary>
    private static void Upsert(IndexWriter writer, string type, int id, Lucene.Net.Documents.Document? document)
    {
        var key = new Term(SearchFields.Key, SearchDocuments.KeyOf(type, id));
        if (document is null)
        {
            writer.DeleteDocuments(key);
        }
        else
        {
            writer.UpdateDocument(key, document);
        }
    }

    // Published documents only; the publishing window (scheduled publishing) is checked at query time.
    private IQueryable<Product> ProductsQuery() => db.Products.AsNoTracking().AsSplitQuery()
        .Where(p => p.State == PublishState.Published && p.Producer.State == PublishState.Published)
        .Include(p => p.Producer).ThenInclude(p => p.Region)
        .Include(p => p.Producer).ThenInclude(p => p.Certifications)
        .Include(p => p.Certifications);

    private IQueryable<Producer> ProducersQuery() => db.Producers.AsNoTracking()
        .Where(p => p.State == PublishState.Published)
        .Include(p => p.Region).Include(p => p.Certifications);

    private IQueryable<Story> StoriesQuery() => db.Stories.AsNoTracking()
        .Where(s => s.State == PublishState.Published && (s.Producer == null || s.Producer.State == PublishState.Published))
        .Include(s => s.Producer).Include(s => s.Region);

    private ProductSource ToSource(Product p, CategoryTree categories) => new()
    {
        Id = p.Id,
        Slug = p.Slug,
        NameIndonesian = p.Name.Indonesian,
        NameEnglish = p.Name.English,
        SummaryIndonesian = p.Summary.Indonesian,
        SummaryEnglish = p.Summary.English,
        DescriptionIndonesian = markdown.ToPlainText(p.Description.Indonesian, 4000),
        DescriptionEnglish = p.Description.English is null ? null : markdown.ToPlainText(p.Description.English, 4000),
        Categories = categories.PathOf(p.CategoryId),
        ProducerSlug = p.Producer.Slug,
        ProducerName = p.Producer.Name,
        RegionSlug = p.Producer.Region.Slug,
        RegionName = p.Producer.Region.Name,
        Province = p.Producer.Region.Province,
        PriceIdr = p.PriceIdr,
        Retail = p.Retail,
        ExportReady = p.ExportReady,
        // A producer's certificate covers everything it makes.
        Certifications = [.. p.Certifications.Concat(p.Producer.Certifications).Where(Reviewed).Select(Certificate)],
        PublishedAtUtc = p.PublishedAtUtc ?? p.CreatedAtUtc,
        VisibleFromUtc = Later(p.PublishAtUtc, p.Producer.PublishAtUtc),
        VisibleUntilUtc = Earlier(p.UnpublishAtUtc, p.Producer.UnpublishAtUtc),
    };

    private ProducerSource ToSource(Producer p) => new()
    {
        Id = p.Id,
        Slug = p.Slug,
        Name = p.Name,
        SectorIndonesian = p.Sector.Indonesian,
        SectorEnglish = p.Sector.English,
        RegionSlug = p.Region.Slug,
        RegionName = p.Region.Name,
        Province = p.Region.Province,
        SummaryIndonesian = p.Summary.Indonesian,
        SummaryEnglish = p.Summary.English,
        StoryIndonesian = markdown.ToPlainText(p.Story.Indonesian, 4000),
        StoryEnglish = p.Story.English is null ? null : markdown.ToPlainText(p.Story.English, 4000),
        Certifications = [.. p.Certifications.Where(Reviewed).Select(Certificate)],
        PublishedAtUtc = p.PublishedAtUtc ?? p.CreatedAtUtc,
        VisibleFromUtc = p.PublishAtUtc,
        VisibleUntilUtc = p.UnpublishAtUtc,
    };

    private StorySource ToSource(Story s) => new()
    {
        Id = s.Id,
        Slug = s.Slug,
        TitleIndonesian = s.Title.Indonesian,
        TitleEnglish = s.Title.English,
        SummaryIndonesian = s.Summary.Indonesian,
        SummaryEnglish = s.Summary.English,
        BodyIndonesian = markdown.ToPlainText(s.Body.Indonesian, 4000),
        BodyEnglish = s.Body.English is null ? null : markdown.ToPlainText(s.Body.English, 4000),
        ProducerName = s.Producer?.Name,
        RegionName = s.Region?.Name,
        PublishedAtUtc = s.PublishedAtUtc ?? s.CreatedAtUtc,
        VisibleFromUtc = Later(s.PublishAtUtc, s.Producer?.PublishAtUtc),
        VisibleUntilUtc = Earlier(s.UnpublishAtUtc, s.Producer?.UnpublishAtUtc),
    };

    private static CertificateSource Certificate(Certification c) => new(Certification.Code(c.Type), c.ExpiresOn);

    /// <summary>
    /// Only certificates an officer verified reach the index (<see cref="Certification.IsPublicOn"/>); their expiry is
    /// indexed and checked at query time, since the index is not rebuilt every day.
    /// </summary>
    private static bool Reviewed(Certification c) => c.VerifiedAtUtc != null && c.RejectedAtUtc == null;

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTime? Earlier(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private async Task SaveCursorAsync(long journalId, bool rebuilt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = await db.SearchNodes.FirstOrDefaultAsync(n => n.NodeName == node.Name, cancellationToken);
        if (state is null)
        {
            state = new SearchNodeState { NodeName = node.Name };
            db.SearchNodes.Add(state);
        }
        state.LastJournalId = journalId;
        state.UpdatedAtUtc = now;
        if (rebuilt)
        {
            state.RebuiltAtUtc = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task PruneJournalAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.JournalRetention;
        await db.IndexJournal.Where(e => e.CreatedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>This node's name in the SearchNodes table.</summary>
public sealed record SearchNodeName(string Name)
{
    /// <summary>The configured name, else the machine name plus a hash of the data folder (several nodes may share a machine).</summary>
    public static SearchNodeName For(string? configured, string dataPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new SearchNodeName(configured.Trim());
        }
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataPath)))[..8];
        return new SearchNodeName($"{Environment.MachineName}-{hash}");
    }
}

/// <summary>The category tree, for a product's path to the root.</summary>
internal sealed class CategoryTree(List<Category> all)
{
    public static async Task<CategoryTree> LoadAsync(IkmDbContext db, CancellationToken cancellationToken) =>
        new(await db.Categories.AsNoTracking().ToListAsync(cancellationToken));

    public List<CategorySource> PathOf(int categoryId)
    {
        var path = new List<CategorySource>();
        for (var c = all.FirstOrDefault(x => x.Id == categoryId); c is not null && path.Count < 10; c = all.FirstOrDefault(x => x.Id == c.ParentId))
        {
            path.Add(new CategorySource(c.Slug, c.Name.Indonesian, c.Name.English));
        }
        return path;
    }

    public List<int> WithDescendants(int categoryId)
    {
        var result = new List<int> { categoryId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(all.Where(c => c.ParentId == result[i]).Select(c => c.Id));
        }
        return result;
    }
}
