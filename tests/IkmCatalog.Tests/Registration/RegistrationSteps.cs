using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using IkmCatalog.Email;
using IkmCatalog.Producers;
using IkmCatalog.Tests.Content;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Tests.Registration;

/// <summary>What the registration tests share: a filled form, a multipart post with files, and a look at what was saved and queued.</summary>
internal static class RegistrationSteps
{
    public const string FormSelector = "form.reg-form";

    public const string OfficeEmail = "ikm@disperindag.example.go.id";

    public static HttpClient NoRedirects(IkmWebFactory host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static Task<int> RegionIdAsync(IkmWebFactory host) =>
        ContentSteps.InScopeAsync(host, (db, _) => db.Regions.Where(r => r.Slug == "kota-malang").Select(r => r.Id).SingleAsync());

    /// <summary>A complete application for a tempeh-chips business, with one product.</summary>
    public static Dictionary<string, string> Valid(int regionId, string email, string? nib = null) => new()
    {
        ["BusinessName"] = "Keripik Tempe Bu Sari",
        ["OwnerName"] = "Sari Wulandari",
        ["Nib"] = nib ?? "",
        ["KbliCode"] = "10791",
        ["RegionId"] = regionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Address"] = "Jl. Melati 12, Sanan, Kota Malang",
        ["FoundedYear"] = "2015",
        ["Workforce"] = "6",
        ["Capacity"] = "500 bungkus per minggu",
        ["Email"] = email,
        ["Phone"] = "0812 3456 7890",
        ["WebsiteUrl"] = "www.instagram.com/keripiktempebusari",
        ["About"] = "Keripik tempe renyah dari kedelai lokal, digoreng setiap pagi sejak 2015.",
        ["Products[0].Name"] = "Keripik tempe original",
        ["Products[0].Description"] = "Tempe tipis, bumbu bawang putih dan ketumbar.",
        ["Products[0].Price"] = "15.000",
        ["Products[0].Unit"] = "bungkus 250 g",
        ["Consent"] = "true",
    };

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, keeps its form's hidden fields (antiforgery token, robot checks, kept uploads)
    /// unless <paramref name="fields"/> overrides them, and posts everything as a browser posts a multipart form.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, params FormFile[] files)
    {
        var page = await Forms.ParseAsync(await client.GetAsync(pageUrl));
        var form = page.QuerySelector<IHtmlFormElement>(FormSelector) ?? throw new InvalidOperationException($"No registration form on {pageUrl}.");
        return await PostFormAsync(client, form, fields, files);
    }

    /// <summary>
    /// Posts a form already on a page (e.g. the one a refused post showed again) as a browser would: every field with
    /// its current value (ticked boxes only, no file inputs), except those <paramref name="fields"/> replaces.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, IHtmlFormElement form, IDictionary<string, string> fields, params FormFile[] files)
    {
        var current = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        current.Add(new(name, box.Value));
                    }
                    break;
                case IHtmlInputElement input:
                    current.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    current.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    current.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in current.Concat(fields))
        {
            multipart.Add(new StringContent(value), name);
        }
        foreach (var file in files)
        {
            var bytes = new ByteArrayContent(file.Content);
            bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            multipart.Add(bytes, file.Field, file.FileName);
        }
        return await client.PostAsync(form.GetAttribute("action"), multipart);
    }

    public static Task<ProducerApplication?> FindAsync(IkmWebFactory host, string email) =>
        ContentSteps.InScopeAsync(host, (db, _) => db.ProducerApplications.Include(a => a.Products).Include(a => a.Certificates)
            .AsNoTracking().SingleOrDefaultAsync(a => a.Email == email));

    public static Task<int> CountAsync(IkmWebFactory host, string email) =>
        ContentSteps.InScopeAsync(host, (db, _) => db.ProducerApplications.CountAsync(a => a.Email == email));

    public static Task<List<OutboxMessage>> OutboxAsync(IkmWebFactory host, string containing) =>
        ContentSteps.InScopeAsync(host, (db, _) => db.Outbox.AsNoTracking().Where(m => m.Subject.Contains(containing)).OrderBy(m => m.Id).ToListAsync());

    public static string? Error(IHtmlDocument page, string field) =>
        page.QuerySelector($"#f-{field.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal)}-error")?.TextContent.Trim();

    public static string? Value(IHtmlDocument page, string field) =>
        page.QuerySelector<IHtmlInputElement>($"{FormSelector} input[name='{field}']")?.Value
        ?? page.QuerySelector<IHtmlTextAreaElement>($"{FormSelector} textarea[name='{field}']")?.Value
        ?? page.QuerySelector<IHtmlSelectElement>($"{FormSelector} select[name='{field}']")?.Value;

    /// <summary>A unique address for one test, so tests sharing a host never see each other's applications.</summary>
    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@usaha.example.co.id";

    /// <summary>A 13-digit NIB no other test uses.</summary>
    public static string NewNib() => "9" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
