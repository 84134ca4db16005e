using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Certifications;

/// <summary>A certificate as an officer or a producer enters it; exactly one of product and producer.</summary>
public sealed record CertificateInput(
    CertificationType Type, string? Number, string? Issuer, DateOnly? IssuedOn, DateOnly? ExpiresOn, int? ProductId = null, int? ProducerId = null);

public enum CertificateStatus
{
    Saved,
    Invalid,
    NotFound,
}

/// <summary>What the registry did; <see cref="Errors"/> name the input's fields (Type, Number, Issuer, IssuedOn, ExpiresOn, Owner).</summary>
public sealed record CertificateResult(CertificateStatus Status, Certification? Certificate, IReadOnlyList<DraftError> Errors)
{
    public bool Succeeded => Status == CertificateStatus.Saved;

    public static CertificateResult NotFound { get; } = new(CertificateStatus.NotFound, null, []);
}

/// <summary>
/// The one editor of certificates. Office staff and producers (through their portal) enter them; they are stored
/// unverified, and only an officer's verification makes one public (<see cref="Certification.IsPublicOn"/>).
/// Changing what a certificate is (type, number, scan) withdraws its verification; a new expiry date (a renewal)
/// lets the reminders go out again. Every step is audited under the product or producer it belongs to.
/// </summary>
public sealed class CertificateRegistry(IkmDbContext db, TimeProvider clock)
{
    public const int MaxNumberLength = 80;
    public const int MaxIssuerLength = 200;
    public const int MaxNoteLength = 1000;

    /// <summary>Waiting (for verification), verified, rejected or expired: the codes the registry's filters and labels use.</summary>
    public static string StateCode(Certification certificate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.RejectedAtUtc is not null ? "rejected"
            : !certificate.IsValidOn(today) ? "expired"
            : certificate.VerifiedAtUtc is not null ? "verified"
            : "waiting";
    }

    /// <summary>Checks the fields and that the owner exists; the number against its type's format, naming the expected one.</summary>
    public async Task<IReadOnlyList<DraftError>> ValidateAsync(CertificateInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<DraftError>();
        if (!Enum.IsDefined(input.Type))
        {
            errors.Add(new DraftError("Type", "certificates.error.required"));
        }
        var number = input.Number?.Trim() ?? "";
        if (number.Length == 0)
        {
            errors.Add(new DraftError("Number", "certificates.error.required"));
        }
        else if (number.Length > MaxNumberLength)
        {
            errors.Add(new DraftError("Number", "certificates.error.max-length", MaxNumberLength));
        }
        else if (Enum.IsDefined(input.Type) && !Certification.IsWellFormedNumber(input.Type, number))
        {
            var example = await db.CertificationTypes.AsNoTracking().Where(t => t.Type == input.Type)
                .Select(t => t.NumberExample).FirstOrDefaultAsync(cancellationToken);
            errors.Add(new DraftError("Number", "certificates.error.number", Certification.Code(input.Type).ToUpperInvariant(), example ?? ""));
        }
        var issuer = input.Issuer?.Trim() ?? "";
        if (issuer.Length == 0)
        {
            errors.Add(new DraftError("Issuer", "certificates.error.required"));
        }
        else if (issuer.Length > MaxIssuerLength)
        {
            errors.Add(new DraftError("Issuer", "certificates.error.max-length", MaxIssuerLength));
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.IssuedOn is not { } issued)
        {
            errors.Add(new DraftError("IssuedOn", "certificates.error.required"));
        }
        else if (issued > today.AddDays(1))
        {
            // A day of slack: the office's "today" runs ahead of UTC.
            errors.Add(new DraftError("IssuedOn", "certificates.error.issued-future"));
        }
        else if (input.ExpiresOn is { } expires && expires <= issued)
        {
            errors.Add(new DraftError("ExpiresOn", "certificates.error.expiry-before-issue"));
        }
        if ((input.ProductId is null) == (input.ProducerId is null))
        {
            errors.Add(new DraftError("Owner", "certificates.error.owner"));
        }
        else if (input.ProductId is { } productId && !await db.Products.AnyAsync(p => p.Id == productId, cancellationToken))
        {
            errors.Add(new DraftError("Owner", "certificates.error.owner"));
        }
        else if (input.ProducerId is { } producerId && !await db.Producers.AnyAsync(p => p.Id == producerId, cancellationToken))
        {
            errors.Add(new DraftError("Owner", "certificates.error.owner"));
        }
        return errors;
    }

    /// <summary>
    /// Adds a certificate, unverified, entered by <paramref name="enteredBy"/> (an officer's or a producer's account
    /// name), and saves it with its audit entry. A product's certificate is the product's; a producer's covers all
    /// it makes.
    /// </summary>
    public async Task<CertificateResult> AddAsync(CertificateInput input, string enteredBy, CancellationToken cancellationToken = default)
    {
        var result = await StageAsync(input, enteredBy, cancellationToken);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>Like <see cref="AddAsync"/>, but leaves the saving to the caller (to commit it with its own change).</summary>
    public async Task<CertificateResult> StageAsync(CertificateInput input, string enteredBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return new(CertificateStatus.Invalid, null, errors);
        }
        var certificate = new Certification
        {
            Type = input.Type,
            ProductId = input.ProductId,
            ProducerId = input.ProducerId,
            EnteredBy = enteredBy,
        };
        Fill(certificate, input);
        db.Certifications.Add(certificate);
        Audit(certificate, "certificate-add", enteredBy, Describe(certificate));
        return new(CertificateStatus.Saved, certificate, []);
    }

    /// <summary>
    /// Changes a certificate's details (its owner stays). A different type or number is a different certificate:
    /// its verification or rejection is withdrawn. A new expiry date lets the reminders go out again.
    /// </summary>
    public async Task<CertificateResult> UpdateAsync(int id, CertificateInput input, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var certificate = await db.Certifications.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (certificate is null)
        {
            return CertificateResult.NotFound;
        }
        input = input with { ProductId = certificate.ProductId, ProducerId = certificate.ProductId is null ? certificate.ProducerId : null };
        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return new(CertificateStatus.Invalid, certificate, errors);
        }
        var changed = certificate.Type != input.Type || certificate.Number != input.Number!.Trim();
        if (certificate.ExpiresOn != input.ExpiresOn)
        {
            certificate.Reminder90SentOn = null;
            certificate.Reminder30SentOn = null;
        }
        certificate.Type = input.Type;
        Fill(certificate, input);
        if (changed)
        {
            ClearReview(certificate);
        }
        Audit(certificate, "certificate-edit", user, Describe(certificate) + (changed ? " (verification withdrawn)" : ""));
        await db.SaveChangesAsync(cancellationToken);
        return new(CertificateStatus.Saved, certificate, []);
    }

    /// <summary>Attaches (or replaces) the scan, a media item that passed the upload checks; the verification is withdrawn.</summary>
    public async Task<CertificateResult> AttachScanAsync(int id, int mediaId, string user, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certifications.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var media = await db.Media.FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken);
        if (certificate is null || media is null)
        {
            return CertificateResult.NotFound;
        }
        // A scanned image is a document, not a photo: it stays out of the editors' photo pickers.
        media.Kind = Media.MediaKind.Document;
        certificate.DocumentMediaId = mediaId;
        ClearReview(certificate);
        Audit(certificate, "certificate-scan", user, Describe(certificate));
        await db.SaveChangesAsync(cancellationToken);
        return new(CertificateStatus.Saved, certificate, []);
    }

    /// <summary>An officer checked the certificate against its scan or the issuer's register: it may be shown publicly.</summary>
    public async Task<CertificateResult> VerifyAsync(int id, string user, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certifications.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (certificate is null)
        {
            return CertificateResult.NotFound;
        }
        certificate.VerifiedBy = user;
        certificate.VerifiedAtUtc = clock.GetUtcNow().UtcDateTime;
        certificate.RejectedAtUtc = null;
        certificate.ReviewNote = null;
        Audit(certificate, "certificate-verify", user, Describe(certificate));
        await db.SaveChangesAsync(cancellationToken);
        return new(CertificateStatus.Saved, certificate, []);
    }

    /// <summary>An officer refused the certificate, saying why (the producer sees the note); it is never shown publicly.</summary>
    public async Task<CertificateResult> RejectAsync(int id, string? note, string user, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certifications.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (certificate is null)
        {
            return CertificateResult.NotFound;
        }
        note = note?.Trim() ?? "";
        if (note.Length == 0)
        {
            return new(CertificateStatus.Invalid, certificate, [new DraftError("Note", "certificates.error.note-required")]);
        }
        if (note.Length > MaxNoteLength)
        {
            return new(CertificateStatus.Invalid, certificate, [new DraftError("Note", "certificates.error.max-length", MaxNoteLength)]);
        }
        certificate.VerifiedBy = null;
        certificate.VerifiedAtUtc = null;
        certificate.RejectedAtUtc = clock.GetUtcNow().UtcDateTime;
        certificate.ReviewNote = note;
        Audit(certificate, "certificate-reject", user, Describe(certificate) + ": " + note);
        await db.SaveChangesAsync(cancellationToken);
        return new(CertificateStatus.Saved, certificate, []);
    }

    private static void Fill(Certification certificate, CertificateInput input)
    {
        certificate.Number = input.Number!.Trim();
        certificate.Issuer = input.Issuer!.Trim();
        certificate.IssuedOn = input.IssuedOn!.Value;
        certificate.ExpiresOn = input.ExpiresOn;
    }

    private static void ClearReview(Certification certificate)
    {
        certificate.VerifiedBy = null;
        certificate.VerifiedAtUtc = null;
        certificate.RejectedAtUtc = null;
        certificate.ReviewNote = null;
    }

    private static string Describe(Certification c) => $"{Certification.Code(c.Type).ToUpperInvariant()} {c.Number}";

    private void Audit(Certification certificate, string action, string user, string detail)
    {
        var (type, id) = certificate.ProductId is { } productId ? (DocumentTypes.Product.Name, productId) : (DocumentTypes.Producer.Name, certificate.ProducerId ?? 0);
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = type, DocumentId = id, Action = action, User = user, AtUtc = clock.GetUtcNow().UtcDateTime,
            Detail = detail.Length > 400 ? detail[..400] : detail,
        });
    }
}
