using IkmCatalog.Catalog;
using IkmCatalog.Data;
using IkmCatalog.Orders;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Web.Features.Cart;

/// <summary>Why a cart line cannot be bought as it is.</summary>
public enum LineState
{
    Available,
    /// <summary>Unpublished, now inquiry-only, no longer sold retail, or out of stock.</summary>
    Unavailable,
}

/// <summary>A cart line with the product as it is now.</summary>
public sealed record CartItem(CartLine Line, Product Product, LineState State)
{
    public long CurrentPrice => Product.PriceIdr ?? Line.PriceIdrWhenAdded;

    public bool PriceChanged => State == LineState.Available && CurrentPrice != Line.PriceIdrWhenAdded;

    public long LineTotal => CurrentPrice * Line.Quantity;

    public int WeightGrams => Product.WeightGrams * Line.Quantity;
}

public sealed record CartContents(IkmCatalog.Orders.Cart? Cart, IReadOnlyList<CartItem> Items)
{
    public IEnumerable<CartItem> Available => Items.Where(i => i.State == LineState.Available);

    public bool IsEmpty => Items.Count == 0;

    public bool CanCheckout => Items.Count > 0 && Items.All(i => i.State == LineState.Available);

    public long Subtotal => Available.Sum(i => i.LineTotal);

    public int WeightGrams => Available.Sum(i => i.WeightGrams);

    public int Count => Items.Sum(i => i.Line.Quantity);

    /// <summary>The current prices as shown, "productId:price;…", so checkout notices a change made meanwhile.</summary>
    public string PriceStamp => string.Join(';', Available.OrderBy(i => i.Product.Id)
        .Select(i => FormattableString.Invariant($"{i.Product.Id}:{i.CurrentPrice}")));
}

/// <summary>
/// The buyer's cart: a database row found through the "ikm.cart" cookie (a random token), so any node serves it and
/// nothing about the cart lives in the browser but the token.
/// </summary>
public static class CartStore
{
    public const string CookieName = "ikm.cart";

    public const int MaxQuantity = 9999;

    /// <summary>Can this product be put in a cart and bought now?</summary>
    public static bool IsBuyable(Product product) =>
        product.Retail && product.PriceIdr is > 0 && product.Availability != Availability.OutOfStock;

    public static async Task<IkmCatalog.Orders.Cart?> FindAsync(IkmDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var token = http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }
        return await db.Carts.Include(c => c.Lines).FirstOrDefaultAsync(c => c.Token == token, cancellationToken);
    }

    public static async Task<IkmCatalog.Orders.Cart> FindOrCreateAsync(IkmDbContext db, HttpContext http, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var cart = await FindAsync(db, http, cancellationToken);
        if (cart is null)
        {
            cart = new IkmCatalog.Orders.Cart { Token = PublicIds.NewToken(), CreatedAtUtc = nowUtc, UpdatedAtUtc = nowUtc };
            db.Carts.Add(cart);
        }
        // Sliding: the cookie lives 30 days from the last change.
        http.Response.Cookies.Append(CookieName, cart.Token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true,
            MaxAge = TimeSpan.FromDays(30), Path = "/",
        });
        return cart;
    }

    /// <summary>The cart's lines with their products as they are now (public or not, still for sale or not).</summary>
    public static async Task<CartContents> LoadAsync(IkmDbContext db, HttpContext http, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var cart = await FindAsync(db, http, cancellationToken);
        if (cart is null || cart.Lines.Count == 0)
        {
            return new(cart, []);
        }
        var ids = cart.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.Where(p => ids.Contains(p.Id))
            .Include(p => p.Images.OrderBy(i => i.SortOrder)).ThenInclude(i => i.MediaItem)
            .AsNoTracking().AsSplitQuery().ToDictionaryAsync(p => p.Id, cancellationToken);
        var publicIds = await db.PublicProducts(nowUtc).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        var items = cart.Lines.OrderBy(l => l.AddedAtUtc).ThenBy(l => l.Id)
            .Where(l => products.ContainsKey(l.ProductId))
            .Select(l =>
            {
                var product = products[l.ProductId];
                var state = publicIds.Contains(product.Id) && IsBuyable(product) ? LineState.Available : LineState.Unavailable;
                return new CartItem(l, product, state);
            })
            .ToList();
        return new(cart, items);
    }
}
