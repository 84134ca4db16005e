using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;

namespace IkmCatalog.Web.Areas.Backoffice.Accounts;

/// <summary>
/// A disabled account is one locked out until the end of time: Identity then refuses it everywhere, and no column
/// of our own is needed. A temporary lockout (failed sign-ins) ends by itself.
/// </summary>
public static class AccountState
{
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>Compared by year, not by tick: databases round the far end of the calendar differently.</summary>
    public static bool IsDisabled(Editor editor) =>
        editor?.LockoutEnd is { } end && end.UtcDateTime.Year >= DisabledUntil.Year;

    public static bool IsLocked(Editor editor, DateTimeOffset now) =>
        !IsDisabled(editor) && editor.LockoutEnd is { } end && end > now;
}

/// <summary>Account changes in the audit trail: who did it, and to which account (its email).</summary>
public static class AccountAudit
{
    public const string DocumentType = "Account";

    public static async Task RecordAsync(IkmDbContext db, TimeProvider clock, string action, string by, Editor account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(account);
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = DocumentType,
            DocumentId = 0,
            Action = action,
            User = by,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Detail = account.Email,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
