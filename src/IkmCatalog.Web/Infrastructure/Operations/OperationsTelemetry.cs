using System.Diagnostics.Metrics;
using IkmCatalog.Search;
using IkmCatalog.Web.Infrastructure.NodeJournal;

namespace IkmCatalog.Web.Infrastructure.Operations;

/// <summary>
/// The node journal's and the outbox's part of the "IkmCatalog" meter: instructions this node applied and how long
/// after they were written, rebuilds, emails sent and failed.
/// </summary>
public static class OperationsTelemetry
{
    private static readonly Meter Meter = new(SearchTelemetry.Name);

    private static readonly Counter<long> EntriesApplied = Meter.CreateCounter<long>(
        "ikm.journal.entries_applied", unit: "{entry}", description: "Node journal entries this node applied, by action.");

    private static readonly Counter<long> Rebuilds = Meter.CreateCounter<long>(
        "ikm.journal.rebuilds", unit: "{rebuild}", description: "Times this node rebuilt its index and caches from the database.");

    private static readonly Histogram<double> Lag = Meter.CreateHistogram(
        "ikm.journal.lag", unit: "s", description: "Time from a journal entry being written (on any node) to this node applying it.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SearchTelemetry.Buckets.Seconds });

    private static readonly Counter<long> Emails = Meter.CreateCounter<long>(
        "ikm.email.messages", unit: "{message}", description: "Outbox emails this node tried to deliver, by result (sent or failed; failed ones are retried).");

    public static void EmailsDelivered(int sent, int failed)
    {
        if (sent > 0)
        {
            Emails.Add(sent, new KeyValuePair<string, object?>("result", "sent"));
        }
        if (failed > 0)
        {
            Emails.Add(failed, new KeyValuePair<string, object?>("result", "failed"));
        }
    }

    /// <summary>Counts what each catch-up applied; registered after the other handlers, it never changes anything.</summary>
    internal sealed class JournalHandler(TimeProvider clock) : INodeJournalHandler
    {
        public Task ApplyAsync(CatchUpResult result, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(result);
            if (result.Rebuilt)
            {
                Rebuilds.Add(1);
            }
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var entry in result.Entries)
            {
                var action = new KeyValuePair<string, object?>("action", entry.Action);
                EntriesApplied.Add(1, action);
                Lag.Record(Math.Max(0, (now - entry.CreatedAtUtc).TotalSeconds), action);
            }
            return Task.CompletedTask;
        }
    }
}
