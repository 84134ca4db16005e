using System.Net;
using System.Text;
using IkmCatalog.Backoffice;
using IkmCatalog.Certifications;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Certificates;

/// <summary>The gap view's counts against the database, its filters, and the invitation list as a spreadsheet.</summary>
[Collection(CertificateCollection.Name)]
public class CertificateGapTests(CertificateHost host)
{
    private async Task<T> InScopeAsync<T>(Func<IkmDbContext, CertificateGaps, Task<T>> step)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<IkmDbContext>(), scope.ServiceProvider.GetRequiredService<CertificateGaps>());
    }

    [Theory]
    [InlineData("KBLI 10794 – Industri Kerupuk", true)]
    [InlineData("KBLI 11040 – Industri Minuman Ringan", true)]
    [InlineData("10761 Pengolahan Kopi", true)]
    [InlineData("KBLI 13134 – Industri Batik", false)]
    [InlineData("", false)]
    public void Food_and_drink_are_kbli_divisions_10_and_11(string sector, bool food) => Assert.Equal(food, CertificateGaps.IsFood(sector));

    [Theory]
    [InlineData(CertificationType.Halal)]
    [InlineData(CertificationType.Pirt)]
    [InlineData(CertificationType.Sni)]
    public async Task The_totals_equal_a_count_made_straight_from_the_database(CertificationType type)
    {
        var today = host.Services.GetRequiredService<OfficeTime>().Today;
        var (report, expected) = await InScopeAsync(async (db, gaps) =>
        {
            var report = await gaps.BuildAsync(today, type, null, null);
            // The same rule, written out against the rows: applicable products with no public certificate of the type.
            var products = await db.Products.AsNoTracking()
                .Where(p => p.State != PublishState.Unpublished && p.Producer.State != PublishState.Unpublished)
                .Include(p => p.Certifications).Include(p => p.Producer).ThenInclude(p => p.Certifications).ToListAsync();
            var rows = products.Select(p => new
            {
                p.Id, p.ProducerId, Sector = p.Producer.Sector.Indonesian,
                Held = p.Certifications.Concat(p.Producer.Certifications)
                    .Where(c => c.VerifiedAtUtc != null && c.RejectedAtUtc == null && (c.ExpiresOn == null || c.ExpiresOn >= today))
                    .Select(c => c.Type).ToList(),
            }).ToList();
            var applicable = rows.Where(r => type == CertificationType.Sni || r.Sector.StartsWith("KBLI 10", StringComparison.Ordinal) || r.Sector.StartsWith("KBLI 11", StringComparison.Ordinal)).ToList();
            var lacking = applicable.Where(r => !r.Held.Contains(type) && !(type == CertificationType.Pirt && r.Held.Contains(CertificationType.Bpom))).ToList();
            return (report, new GapCell(lacking.Count, lacking.Select(r => r.ProducerId).Distinct().Count(), applicable.Count));
        });

        Assert.Equal(expected, report.Total.Cells[type]);
        Assert.InRange(expected.ProductsLacking, 1, expected.ProductsApplicable);
        Assert.Equal(expected.ProductsLacking, report.BySector.Sum(r => r.Cells[type].ProductsLacking));
        Assert.Equal(expected.ProductsLacking, report.ByRegion.Sum(r => r.Cells[type].ProductsLacking));
        Assert.Equal(expected.ProducersLacking, report.Invitees.Count);
    }

    [Fact]
    public async Task Filters_by_sector_and_region_narrow_the_tables_and_the_invitations()
    {
        var today = host.Services.GetRequiredService<OfficeTime>().Today;
        var (all, bySector, byRegion) = await InScopeAsync(async (_, gaps) =>
        {
            var all = await gaps.BuildAsync(today, CertificationType.Halal, null, null);
            var sector = all.BySector.First(r => r.Cells[CertificationType.Halal].ProductsLacking > 0).Label;
            var region = all.ByRegion.First(r => r.Cells[CertificationType.Halal].ProductsLacking > 0).Label;
            return (all, await gaps.BuildAsync(today, CertificationType.Halal, sector, null), await gaps.BuildAsync(today, CertificationType.Halal, null, region));
        });

        Assert.Single(bySector.BySector);
        Assert.All(bySector.Invitees, i => Assert.Equal(bySector.BySector[0].Label, i.Sector));
        Assert.Single(byRegion.ByRegion);
        Assert.All(byRegion.Invitees, i => Assert.Equal(byRegion.ByRegion[0].Label, i.Region));
        Assert.True(bySector.Invitees.Count < all.Invitees.Count || byRegion.Invitees.Count < all.Invitees.Count);
    }

    [Fact]
    public async Task The_invitation_list_downloads_as_a_spreadsheet_with_a_bom_and_no_formulas()
    {
        // A producer whose WhatsApp field begins like a spreadsheet formula.
        await InScopeAsync(async (db, _) =>
            await db.Producers.Where(p => p.Slug == "dapur-camilan-nara").ExecuteUpdateAsync(s => s.SetProperty(p => p.WhatsApp, "=HYPERLINK(\"x\")")));
        var client = await Editors.SignedInClientAsync(host, EditorRoles.Curator);

        var page = await client.GetAsync("/backoffice/certificates/gaps?type=halal");
        var response = await client.GetAsync("/backoffice/certificates/gaps/invite.csv?type=halal");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("Produsen,Wilayah,Sektor,WhatsApp,Email,Alamat,", text, StringComparison.Ordinal);
        Assert.Contains("Dapur Camilan Nara", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"=HYPERLINK", text, StringComparison.Ordinal);
    }
}
