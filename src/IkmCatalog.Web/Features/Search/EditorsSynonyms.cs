using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Web.Infrastructure.NodeJournal;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Search;

/// <summary>
/// The editors' synonym list in the database: saved with a journal entry, so every node reloads it; loaded when the
/// node starts, after importing a list an older version kept in the data folder (once, while the table is empty).
/// </summary>
public static class EditorsSynonyms
{
    /// <summary>DocumentType of a synonyms journal entry.</summary>
    public const string JournalDocumentType = "SearchSynonyms";

    /// <summary>Longest list accepted from the backoffice, in characters.</summary>
    public const int MaxLength = 100_000;

    /// <summary>Where versions before the database kept the editors' list.</summary>
    public static string LegacyFile(DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(paths.Root, "search", "synonyms.txt");
    }

    /// <summary>Stores the list and journals it in one save; every node (this one before the save returns) reloads it.</summary>
    public static async Task SaveAsync(IkmDbContext db, string text, string user, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalized = string.Join('\n', SearchSynonyms.SplitLines(text ?? "")).Trim();
        var row = await db.SearchSynonyms.FirstOrDefaultAsync(s => s.Id == SearchSynonymSet.TheList, cancellationToken);
        if (row is null)
        {
            row = new SearchSynonymSet();
            db.SearchSynonyms.Add(row);
        }
        row.Text = normalized;
        row.UpdatedAtUtc = nowUtc;
        row.UpdatedBy = user;
        db.IndexJournal.Add(new IndexJournalEntry
        {
            DocumentType = JournalDocumentType,
            Action = IndexJournalActions.Synonyms,
            CreatedAtUtc = nowUtc,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<string> LoadAsync(IkmDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.SearchSynonyms.AsNoTracking().Where(s => s.Id == SearchSynonymSet.TheList)
            .Select(s => s.Text).FirstOrDefaultAsync(cancellationToken) ?? "";
    }
}

/// <summary>Reloads the editors' synonyms on this node when any node saved them (or this node rebuilt).</summary>
public sealed class SynonymsJournalHandler(IServiceScopeFactory scopes, SearchSynonyms synonyms) : INodeJournalHandler
{
    public async Task ApplyAsync(CatchUpResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Rebuilt || result.Entries.Any(e => e.Action == IndexJournalActions.Synonyms))
        {
            await using var scope = scopes.CreateAsyncScope();
            synonyms.UseEditorsList(await EditorsSynonyms.LoadAsync(scope.ServiceProvider.GetRequiredService<IkmDbContext>(), cancellationToken));
        }
    }
}

/// <summary>On start: imports the data folder's synonyms.txt into an empty table once, then loads the list.</summary>
public sealed partial class SynonymsLoader(IServiceScopeFactory scopes, SearchSynonyms synonyms, DataPaths paths, TimeProvider clock, ILogger<SynonymsLoader> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
        var legacy = EditorsSynonyms.LegacyFile(paths);
        if (File.Exists(legacy) && !await db.SearchSynonyms.AnyAsync(cancellationToken))
        {
            try
            {
                await EditorsSynonyms.SaveAsync(db, await File.ReadAllTextAsync(legacy, cancellationToken), "import", clock.GetUtcNow().UtcDateTime, cancellationToken);
                LogImported(legacy);
            }
            catch (DbUpdateException)
            {
                // Another node imported it at the same moment; its list is the same file's.
                db.ChangeTracker.Clear();
            }
        }
        synonyms.UseEditorsList(await EditorsSynonyms.LoadAsync(db, cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "The editors' synonyms in {File} were imported into the database; edit them in the backoffice from now on.")]
    private partial void LogImported(string file);
}
