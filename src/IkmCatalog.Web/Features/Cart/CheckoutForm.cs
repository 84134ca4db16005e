using System.Net.Mail;
using System.Text.RegularExpressions;
using IkmCatalog.Orders;

namespace IkmCatalog.Web.Features.Cart;

/// <summary>What the buyer types at checkout. Errors are UI string keys by field name.</summary>
public sealed partial class CheckoutForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Province { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    public string? Note { get; set; }

    /// <summary>"bank-transfer" or "online".</summary>
    public string? Payment { get; set; }

    /// <summary>The buyer saw and accepts prices that changed since the products went into the cart.</summary>
    public bool AcceptPrices { get; set; }

    /// <summary>The prices the summary showed (<see cref="CartContents.PriceStamp"/>).</summary>
    public string? Prices { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public void Validate(IndonesianRegions regions, bool onlineOffered)
    {
        ArgumentNullException.ThrowIfNull(regions);
        Name = Name?.Trim();
        Email = Email?.Trim();
        Phone = Phone?.Trim();
        Address = Address?.Trim();
        PostalCode = PostalCode?.Trim();
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        Required(nameof(Name), Name, 200);
        if (Required(nameof(Email), Email, 320) && !(MailAddress.TryCreate(Email, out var address) && address.Address == Email && Email!.Contains('.', StringComparison.Ordinal)))
        {
            Errors[nameof(Email)] = "checkout.error.email";
        }
        if (Required(nameof(Phone), Phone, 40) && !PhonePattern().IsMatch(Phone!))
        {
            Errors[nameof(Phone)] = "checkout.error.phone";
        }
        Required(nameof(Address), Address, 500);
        if (regions.Find(Province) is null)
        {
            Errors[nameof(Province)] = "checkout.error.province";
        }
        else if (regions.FindCity(Province, City) is null)
        {
            Errors[nameof(City)] = string.IsNullOrEmpty(City) ? "checkout.error.city" : "checkout.error.city-province";
        }
        if (PostalCode is null || !PostalPattern().IsMatch(PostalCode))
        {
            Errors[nameof(PostalCode)] = "checkout.error.postal-code";
        }
        if (Note is { Length: > 1000 })
        {
            Errors[nameof(Note)] = "checkout.error.too-long";
        }
        if (Payment != "bank-transfer" && !(onlineOffered && Payment == "online"))
        {
            Errors[nameof(Payment)] = "checkout.error.payment";
        }
    }

    private bool Required(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors[field] = "checkout.error.required";
            return false;
        }
        if (value.Length > max)
        {
            Errors[field] = "checkout.error.too-long";
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{7,18}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[0-9]{5}$")]
    private static partial Regex PostalPattern();
}
