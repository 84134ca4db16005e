using IkmCatalog.Catalog;
using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Catalog;

/// <summary>The products behind a listing's cards: every card of the catalogue, the search and the products API loads here.</summary>
public static class ProductCards
{
    /// <summary>
    /// The public products among <paramref name="ids"/> with everything a card shows, in the ids' order, in one query.
    /// The database has the last word on what is public (the index may be a poll behind), so an id may drop out.
    /// </summary>
    public static async Task<IReadOnlyList<Product>> LoadAsync(IkmDbContext db, IReadOnlyList<int> ids, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }
        var wanted = ids.ToArray();
        var products = await db.PublicProducts(nowUtc).Where(p => wanted.Contains(p.Id)).WithCardData()
            .AsNoTracking().AsSingleQuery().ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. wanted.Where(products.ContainsKey).Select(id => products[id])];
    }
}
