using IkmCatalog.Certifications;

namespace IkmCatalog.Content;

/// <summary>Checks every draft shares: text present, lengths, certificates well formed.</summary>
public static class DraftRules
{
    public static IEnumerable<DraftError> RequiredIndonesian(string field, LocalizedText? text, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(text?.Indonesian))
        {
            yield return new DraftError($"{field}.Indonesian", "content.error.required");
        }
        else if (text.Indonesian.Length > maxLength)
        {
            yield return new DraftError($"{field}.Indonesian", "content.error.max-length", maxLength);
        }
        if (text?.English is { Length: > 0 } english && english.Length > maxLength)
        {
            yield return new DraftError($"{field}.English", "content.error.max-length", maxLength);
        }
    }

    public static IEnumerable<DraftError> MaxLength(string field, LocalizedText? text, int maxLength)
    {
        if (text?.Indonesian is { } id && id.Length > maxLength)
        {
            yield return new DraftError($"{field}.Indonesian", "content.error.max-length", maxLength);
        }
        if (text?.English is { } en && en.Length > maxLength)
        {
            yield return new DraftError($"{field}.English", "content.error.max-length", maxLength);
        }
    }

    public static IEnumerable<DraftError> Slug(string? slug)
    {
        if (!string.IsNullOrEmpty(slug) && !Slugs.IsValid(slug))
        {
            yield return new DraftError("Slug", "content.error.slug-format");
        }
    }

    public static IEnumerable<DraftError> Certificates(IReadOnlyList<CertificateDraft> certificates)
    {
        for (var i = 0; i < certificates.Count; i++)
        {
            var c = certificates[i];
            var field = $"Certifications[{i}]";
            if (string.IsNullOrWhiteSpace(c.Number))
            {
                yield return new DraftError($"{field}.Number", "content.error.required");
            }
            else if (!Certification.IsWellFormedNumber(c.Type, c.Number.Trim()))
            {
                yield return new DraftError($"{field}.Number", "content.error.certificate-number", Certification.Code(c.Type).ToUpperInvariant());
            }
            if (string.IsNullOrWhiteSpace(c.Issuer))
            {
                yield return new DraftError($"{field}.Issuer", "content.error.required");
            }
            if (c.IssuedOn is null)
            {
                yield return new DraftError($"{field}.IssuedOn", "content.error.required");
            }
            else if (c.ExpiresOn is { } expires && expires <= c.IssuedOn)
            {
                yield return new DraftError($"{field}.ExpiresOn", "content.error.expiry-before-issue");
            }
        }
    }
}

/// <summary>A certificate as a draft carries it; <see cref="Id"/> keeps an existing one (and its verification).</summary>
public sealed class CertificateDraft
{
    public int Id { get; set; }

    public CertificationType Type { get; set; }

    public string Number { get; set; } = "";

    public string Issuer { get; set; } = "";

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public int? DocumentMediaId { get; set; }

    /// <summary>Who entered it (a producer's portal account, say), carried until publishing creates its row.</summary>
    public string? EnteredBy { get; set; }

    public static CertificateDraft From(Certification c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new() { Id = c.Id, Type = c.Type, Number = c.Number, Issuer = c.Issuer, IssuedOn = c.IssuedOn, ExpiresOn = c.ExpiresOn, DocumentMediaId = c.DocumentMediaId, EnteredBy = c.EnteredBy };
    }

    /// <summary>Makes <paramref name="target"/> hold exactly these certificates, keeping the rows (and verification) that did not change.</summary>
    public static void Apply(IReadOnlyList<CertificateDraft> drafts, List<Certification> target)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(target);
        var kept = new List<Certification>();
        foreach (var draft in drafts)
        {
            var existing = target.FirstOrDefault(c => c.Id != 0 && c.Id == draft.Id && !kept.Contains(c));
            var certificate = existing ?? new Certification();
            var number = draft.Number.Trim();
            if (existing is not null && (existing.Type != draft.Type || existing.Number != number || existing.DocumentMediaId != draft.DocumentMediaId))
            {
                // A different certificate in the same row: its verification no longer holds.
                existing.VerifiedBy = null;
                existing.VerifiedAtUtc = null;
            }
            certificate.Type = draft.Type;
            certificate.Number = number;
            certificate.Issuer = draft.Issuer.Trim();
            certificate.IssuedOn = draft.IssuedOn ?? default;
            certificate.ExpiresOn = draft.ExpiresOn;
            certificate.DocumentMediaId = draft.DocumentMediaId;
            certificate.EnteredBy ??= draft.EnteredBy;
            kept.Add(certificate);
        }
        target.RemoveAll(c => !kept.Contains(c));
        foreach (var certificate in kept.Where(c => !target.Contains(c)))
        {
            target.Add(certificate);
        }
    }
}
