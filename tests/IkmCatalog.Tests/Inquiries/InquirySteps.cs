using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Inquiries;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Tests.Inquiries;

/// <summary>What the request-for-quotation tests share: a filled form, and a look at what was saved and queued.</summary>
internal static class InquirySteps
{
    public const string FormSelector = "form.rfq-form";

    /// <summary>The bulk cashew kernels: price on request, minimum order 10 cartons.</summary>
    public const string Cashews = "mete-kupas-mentah-w320-curah";

    public const string OfficeEmail = "ikm@disperindag.example.go.id";

    public static Dictionary<string, string> Filled(string email, bool seeded = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Emma Janssen",
            ["Company"] = "Janssen Foods B.V.",
            ["Country"] = "Netherlands",
            ["Email"] = email,
            ["Phone"] = "+31 20 123 4567",
            ["Lines[1].ProductName"] = "Cashew butter, unsweetened",
            ["Lines[1].Quantity"] = "200",
            ["Lines[1].Unit"] = "jars",
            ["Incoterm"] = "CIF",
            ["Destination"] = "Rotterdam",
            ["TargetDate"] = "2099-03-01",
            ["SamplesWanted"] = "true",
            ["CertificatesRequired"] = "Halal, certificate of origin",
            ["Message"] = "Please quote for W320 in 10 kg cartons.",
            ["Consent"] = "true",
        };
        // A browser posts every line, blank ones too; list binding needs them to number from 0.
        fields["Lines[0].ProductName"] = "";
        fields["Lines[0].Quantity"] = seeded ? "40" : "";
        if (seeded)
        {
            fields["Lines[0].ProductSlug"] = Cashews;
        }
        return fields;
    }

    public static HttpClient NoRedirects(IkmWebFactory host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static Task<int> CountAsync(IkmWebFactory host, string email) =>
        ContentSteps.InScopeAsync(host, (db, _) => db.Inquiries.CountAsync(i => i.Email == email));

    public static Task<Inquiry?> FindAsync(IkmWebFactory host, string email) =>
        ContentSteps.InScopeAsync(host, (db, _) => db.Inquiries.Include(i => i.Lines).AsNoTracking().SingleOrDefaultAsync(i => i.Email == email));

    public static Task<List<OutboxMessage>> OutboxAsync(IkmWebFactory host, string containing) =>
        ContentSteps.InScopeAsync(host, (db, _) => db.Outbox.AsNoTracking().Where(m => m.Subject.Contains(containing)).OrderBy(m => m.Id).ToListAsync());

    public static string? Error(IHtmlDocument page, string field) =>
        page.QuerySelector($"#f-{field.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal)}-error")?.TextContent.Trim();

    public static string? Value(IHtmlDocument page, string field) =>
        page.QuerySelector<IHtmlInputElement>($"{FormSelector} input[name='{field}']")?.Value
        ?? page.QuerySelector<IHtmlTextAreaElement>($"{FormSelector} textarea[name='{field}']")?.Value;

    /// <summary>An inquiry written straight to the database, as the backoffice would leave it.</summary>
    public static async Task<Inquiry> SaveAsync(IkmWebFactory host, Action<Inquiry> shape)
    {
        var token = PublicIds.NewToken();
        var inquiry = new Inquiry
        {
            Reference = "T-" + token[..12], Token = token, Culture = "en", BuyerName = "Li Wei", Country = "Singapore",
            Email = $"{token[..8].ToLowerInvariant()}@buyer.example.sg", Incoterm = "FOB", Destination = "Singapore",
            ConsentAtUtc = DateTime.UtcNow, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            Lines = [new InquiryLine { ProductName = "Raw Cashew Kernels W320 (Bulk)", Quantity = 20, Unit = "cartons" }],
        };
        shape(inquiry);
        await ContentSteps.InScopeAsync(host, async (db, _) =>
        {
            db.Inquiries.Add(inquiry);
            return await db.SaveChangesAsync();
        });
        return inquiry;
    }
}
