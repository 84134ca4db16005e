using IkmCatalog.Data;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Orders;

/// <summary>
/// The shipping fee for a parcel: the office's rate for the province in the lightest band that still carries the
/// parcel's weight. No such band (a province without rates, or a parcel heavier than every band) means the office
/// confirms the fee itself: null.
/// </summary>
public static class ShippingFees
{
    public static long? For(IEnumerable<ShippingRate> rates, string provinceCode, int weightGrams)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return rates.Where(r => r.ProvinceCode == provinceCode && r.MaxWeightGrams >= weightGrams)
            .OrderBy(r => r.MaxWeightGrams)
            .Select(r => (long?)r.FeeIdr)
            .FirstOrDefault();
    }

    public static async Task<long?> ForAsync(IkmDbContext db, string provinceCode, int weightGrams, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rates = await db.ShippingRates.AsNoTracking().Where(r => r.ProvinceCode == provinceCode).ToListAsync(cancellationToken);
        return For(rates, provinceCode, weightGrams);
    }
}
