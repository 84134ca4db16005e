using IkmCatalog.Data;
using IkmCatalog.Search;

namespace IkmCatalog.Web.Features.Search;

/// <summary>`dotnet run --project src/IkmCatalog.Web -- reindex`: rebuild the search index, print what it did.</summary>
public static class ReindexCommand
{
    /// <returns>The process exit code: 0 when the index was rebuilt (or the rebuild was handed to the running site).</returns>
    public static async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            SearchIndexer indexer;
            try
            {
                indexer = scope.ServiceProvider.GetRequiredService<SearchIndexer>();
            }
            catch (SearchIndexInUseException)
            {
                // The site is running on this data folder and holds the index: journal a rebuild, which it (and
                // every other node) carries out within seconds.
                var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
                db.IndexJournal.Add(new IndexJournalEntry { Action = IndexJournalActions.Rebuild, CreatedAtUtc = DateTime.UtcNow });
                await db.SaveChangesAsync();
                await Console.Out.WriteLineAsync("The index is in use by the running site; a rebuild was journalled for every node.");
                return 0;
            }
            var result = await indexer.RebuildAsync();
            await Console.Out.WriteLineAsync(
                $"Search index rebuilt: {result.Products} products, {result.Producers} producers, {result.Stories} stories " +
                $"in {result.Elapsed.TotalSeconds:0.00} s ({result.IndexBytes / 1024.0 / 1024.0:0.0} MiB).");
            return 0;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"Reindex failed: {e.Message}");
            app.Logger.LogError(e, "Reindex failed.");
            return 1;
        }
    }
}
