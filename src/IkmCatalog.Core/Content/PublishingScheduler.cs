using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Content;

/// <summary>
/// Runs the schedules that are due. Each is claimed by marking it done inside the transaction that publishes or
/// unpublishes, so a crash undoes both (the next poll retries) and two nodes racing on one schedule cannot both
/// run it: the second finds it done once the first commits.
/// </summary>
public sealed class PublishingScheduler(IkmDbContext db, ContentPublisher publisher, TimeProvider clock)
{
    public async Task<int> RunDueAsync(string node, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.ScheduledActions.AsNoTracking().Where(a => a.CompletedAtUtc == null && a.DueAtUtc <= now)
            .OrderBy(a => a.DueAtUtc).ThenBy(a => a.Id).Select(a => a.Id).Take(100).ToListAsync(cancellationToken);
        var ran = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.ScheduledActions.Where(a => a.Id == id && a.CompletedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CompletedAtUtc, now).SetProperty(a => a.CompletedBy, node), cancellationToken);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue; // another node ran it
            }
            var action = await db.ScheduledActions.AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken);
            var type = DocumentTypes.Find(action.DocumentType);
            var user = $"{action.CreatedBy} (schedule)";
            var result = type is null ? new PublishResult(PublishStatus.NotFound)
                : action.Action == ScheduledActions.Unpublish ? await publisher.UnpublishAsync(type, action.DocumentId, user, cancellationToken)
                : await publisher.PublishAsync(type, action.DocumentId, user, cancellationToken);
            // A schedule whose draft became invalid is done too (with its outcome shown to editors), not retried forever.
            await db.ScheduledActions.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Outcome, result.Status.ToString()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            ran++;
        }
        return ran;
    }
}
