using IkmCatalog.Data;

namespace IkmCatalog.Producers;

/// <summary>
/// A producer's way through the programme (registered → fostered → curated, and back when the office decides so),
/// always with a history row saying who and why. Callers save: the change commits with whatever caused it.
/// </summary>
public static class ProducerProgramme
{
    /// <summary>The first row of a new producer's history: registered, from nothing.</summary>
    public static ProducerStatusChange RecordRegistration(IkmDbContext db, Producer producer, string by, string? note, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(producer);
        producer.Status = ProducerStatus.Registered;
        var change = new ProducerStatusChange { ProducerId = producer.Id, From = null, To = ProducerStatus.Registered, AtUtc = nowUtc, By = by, Note = Note(note) };
        db.ProducerStatusChanges.Add(change);
        return change;
    }

    /// <summary>Moves the producer to <paramref name="to"/> and records it; null (nothing recorded) when it already is there.</summary>
    public static ProducerStatusChange? ChangeStatus(IkmDbContext db, Producer producer, ProducerStatus to, string by, string? note, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(producer);
        if (producer.Status == to)
        {
            return null;
        }
        var change = new ProducerStatusChange { ProducerId = producer.Id, From = producer.Status, To = to, AtUtc = nowUtc, By = by, Note = Note(note) };
        producer.Status = to;
        db.ProducerStatusChanges.Add(change);
        return change;
    }

    private static string? Note(string? note) =>
        string.IsNullOrWhiteSpace(note) ? null : note.Trim() is { Length: > 1000 } longNote ? longNote[..1000] : note.Trim();
}
