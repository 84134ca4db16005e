using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IkmCatalog.Backoffice;
using IkmCatalog.Certifications;
using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IkmCatalog.Tests.Content.ContentSteps;

namespace IkmCatalog.Tests.Certificates;

/// <summary>One application for the registry's tests: they add and verify certificates, so not on the shared site.</summary>
public sealed class CertificateHost() : IkmWebFactory(QuietBackground());

[CollectionDefinition(Name)]
public sealed class CertificateCollection : ICollectionFixture<CertificateHost>
{
    public const string Name = "certificates";
}

/// <summary>The registry: entry with number checks, verification, rejection, edits, scans, and what the public sees.</summary>
[Collection(CertificateCollection.Name)]
public class CertificateRegistryTests(CertificateHost host)
{
    // Seeded products without any certificate of their own or of their producer's.
    private const string Shirt = "kemeja-batik-cap-pria-lengan-pendek";
    private const string Gown = "gamis-katun-rayon-motif-bunga";
    private const string Uniform = "kemeja-seragam-kantor-pesanan";
    private const string Tablecloth = "taplak-meja-patchwork-perca";

    private async Task<T> WithRegistryAsync<T>(Func<CertificateRegistry, IkmDbContext, Task<T>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<CertificateRegistry>(), scope.ServiceProvider.GetRequiredService<IkmDbContext>());
    }

    private Task<int> ProductIdAsync(string slug) => WithRegistryAsync((_, db) => db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    private async Task CatchUpAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync();
    }

    private async Task<List<string>> SearchSlugsAsync(string query)
    {
        var json = await host.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?pageSize=100&" + query);
        return [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!)];
    }

    private async Task<string> ApiProductAsync(string slug) => await host.CreateClient().GetStringAsync($"/api/v1/products/{slug}");

    [Theory]
    [InlineData(CertificationType.Pirt, "2063573010123-26", true)]
    [InlineData(CertificationType.Pirt, "P-IRT No. 206357301012326", true)]
    [InlineData(CertificationType.Pirt, "PIRT 12", false)]
    [InlineData(CertificationType.Bpom, "BPOM RI MD 224128001234", true)]
    [InlineData(CertificationType.Bpom, "ML 224128001234", true)]
    [InlineData(CertificationType.Bpom, "MD 2241", false)]
    [InlineData(CertificationType.Halal, "ID35110000123450822", true)]
    [InlineData(CertificationType.Halal, "01234567890123", true)]
    [InlineData(CertificationType.Halal, "MUI-123", false)]
    [InlineData(CertificationType.Sni, "SNI 7617:2013", true)]
    [InlineData(CertificationType.Sni, "SPPT-SNI 0123/LSPro/2025", true)]
    [InlineData(CertificationType.Sni, "7617", false)]
    public async Task Numbers_are_checked_per_type_and_a_wrong_one_is_told_the_expected_format(CertificationType type, string number, bool valid)
    {
        var product = await ProductIdAsync(Shirt);
        var example = await WithRegistryAsync((_, db) => db.CertificationTypes.Where(t => t.Type == type).Select(t => t.NumberExample).SingleAsync());

        var errors = await WithRegistryAsync((registry, _) => registry.ValidateAsync(
            new CertificateInput(type, number, "Penerbit Uji", new DateOnly(2024, 1, 10), new DateOnly(2027, 1, 10), product)));

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(("Number", "certificates.error.number"), (error.Field, error.Message));
            Assert.Equal([Certification.Code(type).ToUpperInvariant(), example], error.Arguments);
            Assert.NotEmpty(example);
        }
    }

    [Fact]
    public async Task Missing_fields_an_expiry_before_the_issue_and_a_missing_owner_are_refused_field_by_field()
    {
        var errors = await WithRegistryAsync((registry, _) => registry.ValidateAsync(
            new CertificateInput(CertificationType.Pirt, " ", "", new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 1))));
        var noIssue = await WithRegistryAsync((registry, _) => registry.ValidateAsync(
            new CertificateInput(CertificationType.Pirt, "2063573010123-26", "Dinkes", null, null, ProducerId: 999_999)));

        Assert.Equal(["Number", "Issuer", "ExpiresOn", "Owner"], errors.Select(e => e.Field));
        Assert.Equal(["IssuedOn", "Owner"], noIssue.Select(e => e.Field));
    }

    [Fact]
    public async Task The_office_form_shows_the_expected_format_next_to_a_wrong_number_and_keeps_what_was_typed()
    {
        var client = await Editors.SignedInClientAsync(host, EditorRoles.Curator);
        var product = await ProductIdAsync(Tablecloth);

        var response = await Forms.SubmitAsync(client, $"/backoffice/certificates/add?productId={product}", "form[action='/backoffice/certificates/add']", new Dictionary<string, string>
        {
            ["Owner"] = $"product:{product}", ["Type"] = "bpom", ["Number"] = "MD 12", ["Issuer"] = "BPOM RI", ["IssuedOn"] = "2025-01-10",
        });
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var input = page.QuerySelector("#Number")!;
        Assert.Equal("MD 12", input.GetAttribute("value"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("Number-error", input.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains("format BPOM", page.QuerySelector("#Number-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("MD ", page.QuerySelector("#Number-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await WithRegistryAsync((_, db) => db.Certifications.AnyAsync(c => c.ProductId == product)));
    }

    [Fact]
    public async Task An_added_certificate_waits_unseen_until_verified_then_shows_on_the_product_page_the_api_and_the_search_facet()
    {
        var client = await Editors.SignedInClientAsync(host, EditorRoles.Curator);
        var product = await ProductIdAsync(Shirt);
        var added = await Forms.SubmitAsync(client, $"/backoffice/certificates/add?productId={product}", "form[action='/backoffice/certificates/add']", new Dictionary<string, string>
        {
            ["Owner"] = $"product:{product}", ["Type"] = "sni", ["Number"] = "SNI 7617:2013", ["Issuer"] = "LSPro Uji", ["IssuedOn"] = "2025-02-01", ["ExpiresOn"] = "2029-02-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var detail = added.Headers.Location!.OriginalString;
        var certificate = await WithRegistryAsync((_, db) => db.Certifications.AsNoTracking().SingleAsync(c => c.ProductId == product));
        await CatchUpAsync();

        var pageBefore = await host.CreateClient().GetStringAsync($"/produk/{Shirt}");
        var apiBefore = await ApiProductAsync(Shirt);
        var searchBefore = await SearchSlugsAsync("certification=sni");

        var verified = await Forms.SubmitAsync(client, detail, $"form[action='{detail}/verify']", new Dictionary<string, string>());
        await CatchUpAsync();

        Assert.Equal($"/backoffice/certificates/{certificate.Id}", detail);
        Assert.Null(certificate.VerifiedAtUtc);
        Assert.NotNull(certificate.EnteredBy);
        Assert.DoesNotContain("SNI 7617:2013", pageBefore, StringComparison.Ordinal);
        Assert.DoesNotContain("SNI 7617:2013", apiBefore, StringComparison.Ordinal);
        Assert.DoesNotContain(Shirt, searchBefore);
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Contains("SNI 7617:2013", await host.CreateClient().GetStringAsync($"/produk/{Shirt}"), StringComparison.Ordinal);
        Assert.Contains("SNI 7617:2013", await ApiProductAsync(Shirt), StringComparison.Ordinal);
        Assert.Contains(Shirt, await SearchSlugsAsync("certification=sni"));
        var audit = await WithRegistryAsync((_, db) => db.AuditEntries.Where(a => a.DocumentType == "Product" && a.DocumentId == product && a.Action.StartsWith("certificate-"))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["certificate-add", "certificate-verify"], audit);
    }

    [Fact]
    public async Task A_rejected_certificate_keeps_its_note_and_never_shows_publicly()
    {
        var product = await ProductIdAsync(Gown);
        var id = await WithRegistryAsync(async (registry, _) => (await registry.AddAsync(
            new CertificateInput(CertificationType.Halal, "ID35110000999990822", "BPJPH", new DateOnly(2024, 6, 1), null, product), "produsen@example.com")).Certificate!.Id);
        await WithRegistryAsync((registry, _) => registry.VerifyAsync(id, "kurator"));

        var noNote = await WithRegistryAsync((registry, _) => registry.RejectAsync(id, "  ", "kurator"));
        var rejected = await WithRegistryAsync((registry, _) => registry.RejectAsync(id, "Nomor tidak terdaftar di BPJPH", "kurator"));
        await CatchUpAsync();

        Assert.Equal("Note", Assert.Single(noNote.Errors).Field);
        Assert.True(rejected.Succeeded);
        var stored = await WithRegistryAsync((_, db) => db.Certifications.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("Nomor tidak terdaftar di BPJPH", (string?)null), (stored.ReviewNote, stored.VerifiedBy));
        Assert.NotNull(stored.RejectedAtUtc);
        Assert.Equal("rejected", CertificateRegistry.StateCode(stored, new DateOnly(2026, 1, 1)));
        Assert.DoesNotContain("ID35110000999990822", await host.CreateClient().GetStringAsync($"/produk/{Gown}"), StringComparison.Ordinal);
        Assert.DoesNotContain("ID35110000999990822", await ApiProductAsync(Gown), StringComparison.Ordinal);
        Assert.DoesNotContain(Gown, await SearchSlugsAsync("certification=halal"));
    }

    [Fact]
    public async Task Changing_the_number_withdraws_the_verification_but_correcting_the_issuer_does_not()
    {
        var product = await ProductIdAsync(Uniform);
        var id = await WithRegistryAsync(async (registry, _) => (await registry.AddAsync(
            new CertificateInput(CertificationType.Sni, "SNI 0234:2017", "LSPro A", new DateOnly(2024, 6, 1), new DateOnly(2028, 6, 1), product), "petugas")).Certificate!.Id);
        await WithRegistryAsync((registry, _) => registry.VerifyAsync(id, "kurator"));

        var issuerOnly = await WithRegistryAsync((registry, _) => registry.UpdateAsync(id,
            new CertificateInput(CertificationType.Sni, "SNI 0234:2017", "LSPro A (Bandung)", new DateOnly(2024, 6, 1), new DateOnly(2028, 6, 1)), "petugas"));
        var afterIssuer = await WithRegistryAsync((_, db) => db.Certifications.AsNoTracking().SingleAsync(c => c.Id == id));
        var newNumber = await WithRegistryAsync((registry, _) => registry.UpdateAsync(id,
            new CertificateInput(CertificationType.Sni, "SNI 0235:2018", "LSPro A (Bandung)", new DateOnly(2024, 6, 1), new DateOnly(2028, 6, 1)), "petugas"));
        var afterNumber = await WithRegistryAsync((_, db) => db.Certifications.AsNoTracking().SingleAsync(c => c.Id == id));

        Assert.True(issuerOnly.Succeeded && newNumber.Succeeded);
        Assert.Equal(("LSPro A (Bandung)", "kurator"), (afterIssuer.Issuer, afterIssuer.VerifiedBy));
        Assert.Equal(("SNI 0235:2018", (string?)null, (DateTime?)null), (afterNumber.Number, afterNumber.VerifiedBy, afterNumber.VerifiedAtUtc));
        Assert.Equal(product, afterNumber.ProductId);
    }

    [Fact]
    public async Task A_scan_goes_through_the_media_checks_withdraws_the_verification_and_is_served_only_behind_the_sign_in()
    {
        var client = await Editors.SignedInClientAsync(host, EditorRoles.Editor);
        var product = await ProductIdAsync(Uniform);
        var id = await WithRegistryAsync(async (registry, _) => (await registry.AddAsync(
            new CertificateInput(CertificationType.Sni, "SNI 8001:2020", "LSPro B", new DateOnly(2024, 6, 1), null, product), "petugas")).Certificate!.Id);
        await WithRegistryAsync((registry, _) => registry.VerifyAsync(id, "kurator"));
        var detail = $"/backoffice/certificates/{id}";
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

        var refused = await Forms.SubmitAsync(client, detail, $"form[action='{detail}/scan']", new Dictionary<string, string>(),
            new FormFile("file", "<html><body>not a scan</body></html>"u8.ToArray(), "scan.pdf", "application/pdf"));
        var refusedPage = await Forms.ParseAsync(refused);
        var saved = await Forms.SubmitAsync(client, detail, $"form[action='{detail}/scan']", new Dictionary<string, string>(),
            new FormFile("file", pdf, "sertifikat.pdf", "application/pdf"));
        var scan = await client.GetAsync($"{detail}/scan");
        var anonymous = await host.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"{detail}/scan");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull(refusedPage.QuerySelector("#scan-error"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal("application/pdf", scan.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await scan.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/backoffice/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = await WithRegistryAsync((_, db) => db.Certifications.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.NotNull(stored.DocumentMediaId);
        Assert.Null(stored.VerifiedAtUtc);
    }

    [Fact]
    public async Task Expired_seeded_certificates_stay_in_the_registry_but_off_the_public_pages()
    {
        // Mina Kwanyar's only PIRT (seeded as verified) expired in 2025.
        var page = await host.CreateClient().GetStringAsync("/produk/kerupuk-ikan-tenggiri-mentah");
        var api = await ApiProductAsync("kerupuk-ikan-tenggiri-mentah");
        var producerPage = await host.CreateClient().GetStringAsync("/produsen/mina-kwanyar");
        var expired = await WithRegistryAsync((_, db) => db.Certifications.AsNoTracking()
            .Where(c => c.Product!.Slug == "kerupuk-ikan-tenggiri-mentah").Select(c => c.Number).ToListAsync());

        var number = Assert.Single(expired);
        Assert.DoesNotContain(number, page, StringComparison.Ordinal);
        Assert.DoesNotContain(number, producerPage, StringComparison.Ordinal);
        Assert.Contains("\"certifications\":[]", api, StringComparison.Ordinal);
        // A seeded, valid one still shows: the demo keeps its badges.
        Assert.Contains("cert-halal", await host.CreateClient().GetStringAsync("/produk/abon-ikan-marlin-original"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_the_registry_and_the_waiting_count_matches_the_database()
    {
        var client = await Editors.SignedInClientAsync(host, EditorRoles.Editor);
        await WithRegistryAsync(async (registry, _) => (await registry.AddAsync(new CertificateInput(CertificationType.Pirt, "2063573010999-29", "Dinkes Uji",
            new DateOnly(2024, 6, 1), new DateOnly(2029, 6, 1), await ProductIdAsync(Gown)), "produsen")).Succeeded);
        var today = host.Services.GetRequiredService<IkmCatalog.Content.OfficeTime>().Today;
        var waiting = await WithRegistryAsync((_, db) => db.Certifications.CountAsync(c => c.VerifiedAtUtc == null && c.RejectedAtUtc == null && (c.ExpiresOn == null || c.ExpiresOn >= today)));

        var page = await Forms.ParseAsync(await client.GetAsync("/backoffice/certificates?state=waiting"));
        var expired = await Forms.ParseAsync(await client.GetAsync("/backoffice/certificates?state=expired&type=pirt"));

        Assert.Contains(waiting.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#list-heading")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("2063573010999-29", StringComparison.Ordinal));
        Assert.All(expired.QuerySelectorAll("tbody tr"), r => Assert.Contains("PIRT", r.TextContent, StringComparison.Ordinal));
        Assert.Contains(expired.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Mina Kwanyar", StringComparison.OrdinalIgnoreCase));
    }
}
