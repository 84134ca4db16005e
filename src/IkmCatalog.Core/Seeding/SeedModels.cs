using System.Text.Json.Serialization;
using IkmCatalog.Content;

namespace IkmCatalog.Seeding;

// The shapes of the JSON files in media-seed/. Field names are the files' own.

public sealed record SeedText(string Id, string En)
{
    public LocalizedText ToLocalized() => new(Id, En);
}

public sealed record SeedRegion(string Slug, string Name, string Province);

public sealed record SeedCategory(string Slug, string? Parent, SeedText Name, SeedText Description, int SortOrder);

public sealed record SeedCertification(string Type, string Number, string Issuer, DateOnly IssuedOn, DateOnly? ExpiresOn);

public sealed record SeedProducer(
    string Slug, string Name, string Region, SeedText Sector, string? Nib, int? FoundedYear, int? Workforce,
    SeedText Capacity, string? Association, string Status, string? Whatsapp, string? Email, string? Address,
    SeedText Summary, SeedText Story, string? Image, bool Published, IReadOnlyList<SeedCertification>? Certifications);

public sealed record SeedProduct(
    string Slug, string Producer, string Category, SeedText Name, SeedText Summary, SeedText Description,
    long? PriceIdr, SeedText Unit, bool Retail, int Moq, SeedText MoqUnit, bool ExportReady, string? HsCode,
    int? ShelfLifeDays, SeedText Packaging, int WeightGrams, string? CurationGrade, string Availability,
    bool Featured, bool Published, DateOnly CreatedOn, IReadOnlyList<string>? Images,
    IReadOnlyList<SeedCertification>? Certifications);

public sealed record SeedStory(
    string Slug, string Kind, SeedText Title, SeedText Summary, SeedText Body, DateOnly PublishedOn,
    string? Producer, string? Region, string? Image, bool Published);

public sealed record SeedEvent(
    string Slug, string Kind, SeedText Title, SeedText Summary, SeedText Body, DateTimeOffset StartsOn,
    DateTimeOffset EndsOn, string Venue, string? Region, string? RegistrationUrl, string? Image, bool Published,
    string? Registration = null, int? Capacity = null);

public sealed record SeedPage(string Slug, SeedText Title, SeedText Body, bool Published);

public sealed record SeedCertificationType(string Type, SeedText Name, SeedText Issuer, SeedText Description, string NumberExample);


public sealed record SeedShippingRate(string ProvinceCode, int MaxWeightGrams, long FeeIdr);
