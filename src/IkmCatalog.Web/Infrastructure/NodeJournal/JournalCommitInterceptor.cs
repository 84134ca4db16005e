using System.Data.Common;
using System.Runtime.CompilerServices;
using IkmCatalog.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IkmCatalog.Web.Infrastructure.NodeJournal;

/// <summary>
/// After a save that wrote journal entries has committed (at the end of SaveChanges, or of the transaction around
/// it), this node catches up before the save returns: an editor who publishes sees the change on the next page, and
/// other nodes follow at their next poll. Rebuild entries are left to the poll: the indexer writes them while it holds
/// the index.
/// </summary>
public sealed class JournalCommitInterceptor(IServiceProvider services) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, StrongBox<bool>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && Take(context))
        {
            Follower()?.CatchUpNowAsync().GetAwaiter().GetResult();
        }
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && Take(context))
        {
            await CatchUpAsync(cancellationToken);
        }
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && Take(context))
        {
            Follower()?.CatchUpNowAsync().GetAwaiter().GetResult();
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Take(context))
        {
            await CatchUpAsync(cancellationToken);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Take(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<IndexJournalEntry>()
                .Any(e => e.State == EntityState.Added && e.Entity.Action != IndexJournalActions.Rebuild))
        {
            _pending.GetOrCreateValue(context).Value = true;
        }
    }

    private bool Take(DbContext context)
    {
        if (_pending.TryGetValue(context, out var box) && box.Value)
        {
            box.Value = false;
            return true;
        }
        return false;
    }

    private NodeJournalFollower? Follower() => services.GetService<NodeJournalFollower>();

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (Follower() is { } follower)
        {
            // The change is committed whatever happens here; a failed catch-up is retried by the poll.
            try
            {
                await follower.CatchUpNowAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                services.GetRequiredService<ILogger<JournalCommitInterceptor>>().LogWarning(e, "Catching up after a save failed; the poll will retry.");
            }
        }
    }
}
