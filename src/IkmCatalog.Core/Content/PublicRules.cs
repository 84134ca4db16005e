using IkmCatalog.Catalog;
using IkmCatalog.Stories;

namespace IkmCatalog.Content;

/// <summary>
/// "Public now" for loaded rows, written beside the queries that say it in SQL
/// (<see cref="Data.IkmDbContext.PublicProducts"/>, <see cref="Data.IkmDbContext.PublicStories"/>): a change to one is a change to both.
/// </summary>
public static class PublicRules
{
    /// <summary>Published, inside its window, and made by a producer that is public too (its <see cref="Product.Producer"/> loaded).</summary>
    public static bool IsPublicAt(this Product product, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(product);
        return product.IsPublic(nowUtc) && product.Producer is { } producer && producer.IsPublic(nowUtc);
    }

    /// <summary>Published, inside its window, and about no producer or a public one (its <see cref="Story.Producer"/> loaded).</summary>
    public static bool IsPublicAt(this Story story, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(story);
        return story.IsPublic(nowUtc) && (story.ProducerId is null || (story.Producer is { } producer && producer.IsPublic(nowUtc)));
    }
}
