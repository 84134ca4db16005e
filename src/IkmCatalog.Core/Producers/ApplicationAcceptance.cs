using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Producers;

/// <summary>What accepting an application gave: the new producer, or the draft rules it broke (nothing is kept then).</summary>
public sealed record AcceptanceResult(int? ProducerId, IReadOnlyList<DraftError> Errors)
{
    public bool Succeeded => ProducerId is not null;
}

/// <summary>
/// Turns an accepted application into content, in the caller's transaction: the producer as an unpublished draft
/// (status registered, with the first history row), its products as product drafts with the applicant's photos,
/// and its certificates as unverified rows entered by the applicant. Everything waits in the Editors' queue: the
/// public sees nothing until an Editor publishes it.
/// </summary>
public sealed class ApplicationAcceptance(IkmDbContext db, ContentPublisher publisher)
{
    public const int SummaryLength = 300;

    public async Task<AcceptanceResult> AcceptAsync(ProducerApplication application, int categoryId, string by, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var sector = KbliSectors.Find(application.KbliCode);
        var draft = new ProducerDraft
        {
            Name = application.BusinessName,
            RegionId = application.RegionId,
            Sector = sector is null ? new LocalizedText(application.KbliCode, null)
                : new LocalizedText(KbliSectors.Describe(sector, Cultures.Indonesian), KbliSectors.Describe(sector, Cultures.English)),
            Nib = application.Nib,
            FoundedYear = application.FoundedYear,
            Workforce = application.Workforce,
            Capacity = new LocalizedText(application.Capacity, null),
            WhatsApp = application.Phone,
            Email = application.Email,
            Address = application.Address,
            // The Editor rewrites these before publishing; the applicant's own words are a start, never left empty.
            Summary = new LocalizedText(Shorten(application.About) ?? Shorten(sector?.Indonesian ?? application.BusinessName)!, null),
            Story = new LocalizedText(application.About ?? "", null),
        };
        var saved = await publisher.SaveDraftAsync(DocumentTypes.Producer, null, draft, by, null, cancellationToken);
        if (!saved.Succeeded)
        {
            return new AcceptanceResult(null, saved.Errors ?? [new DraftError("", "content.error.invalid-value")]);
        }
        var producerId = saved.DocumentId;
        var producer = await db.Producers.FirstAsync(p => p.Id == producerId, cancellationToken);
        ProducerProgramme.RecordRegistration(db, producer, by, application.Reference, nowUtc);
        // Certificates live in the registry, not in drafts: unverified until an officer checks them (the application
        // form checked each number's format; an issue date the applicant left out stays for the officer to fill in).
        foreach (var c in application.Certificates)
        {
            db.Certifications.Add(new Certifications.Certification
            {
                Type = c.Type,
                Number = c.Number.Trim(),
                Issuer = c.Issuer?.Trim() ?? "",
                IssuedOn = c.IssuedOn ?? DateOnly.FromDateTime(nowUtc),
                ExpiresOn = c.ExpiresOn,
                ProducerId = producerId,
                DocumentMediaId = c.ScanMediaId,
                EnteredBy = application.Email,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await publisher.SendForReviewAsync(DocumentTypes.Producer, producerId, by, cancellationToken);

        foreach (var product in application.Products.OrderBy(p => p.SortOrder))
        {
            var productDraft = new ProductDraft
            {
                ProducerId = producerId,
                CategoryId = categoryId,
                Name = new LocalizedText(product.Name, null),
                Summary = new LocalizedText(Shorten(product.Description) ?? product.Name, null),
                Description = new LocalizedText(product.Description, null),
                PriceIdr = product.PriceIdr,
                Unit = new LocalizedText(product.Unit ?? "", null),
                Images = product.PhotoMediaId is { } photo ? [new ImageDraft { MediaItemId = photo, Alt = new LocalizedText(product.Name, null) }] : [],
            };
            var productSaved = await publisher.SaveDraftAsync(DocumentTypes.Product, null, productDraft, by, null, cancellationToken);
            if (!productSaved.Succeeded)
            {
                return new AcceptanceResult(null, [.. (productSaved.Errors ?? []).Select(e => e with { Field = $"Products[{product.SortOrder}].{e.Field}" })]);
            }
            await publisher.SendForReviewAsync(DocumentTypes.Product, productSaved.DocumentId, by, cancellationToken);
        }

        application.ProducerId = producerId;
        return new AcceptanceResult(producerId, []);
    }

    private static string? Shorten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= SummaryLength ? flat : flat[..(SummaryLength - 1)].TrimEnd() + "…";
    }
}
