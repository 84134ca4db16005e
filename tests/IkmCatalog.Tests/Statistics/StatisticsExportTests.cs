using System.Net;
using ClosedXML.Excel;
using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;

namespace IkmCatalog.Tests.Statistics;

/// <summary>The lists for reports: the XLSX opens and its rows are the database's, the CSV too, and no cell runs as a formula.</summary>
[Collection(SiteCollection.Name)]
public class StatisticsExportTests(IkmWebFactory factory)
{
    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var parser = new TextFieldParser(new MemoryStream(bytes), System.Text.Encoding.UTF8) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }
        return rows;
    }

    [Fact]
    public async Task The_producers_workbook_opens_and_holds_every_producer_with_text_kept_as_text()
    {
        var hidden = await StatisticsData.AddHiddenProducerAsync(factory.Services, "Provinsi Uji Ekspor", "=HYPERLINK(\"http://example.com\")", "081234567890");
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);

        var response = await client.GetAsync("/backoffice/statistics/export/producers.xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var producers = await StatisticsData.WithDbAsync(factory.Services, db => db.Producers.AsNoTracking().Include(p => p.Region).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheets.First();
        var rows = sheet.RangeUsed().RowsUsed().Skip(1).ToList();
        Assert.Equal("ID", sheet.Cell(1, 1).GetString());
        Assert.Equal(producers.Count, rows.Count);
        Assert.Equal(producers.Select(p => p.Id).Order(), rows.Select(r => r.Cell(1).GetValue<int>()).Order());
        var row = rows.Single(r => r.Cell(1).GetValue<int>() == hidden.Id);
        Assert.Equal("'=HYPERLINK(\"http://example.com\")", row.Cell(2).GetString());
        Assert.False(row.Cell(2).HasFormula);
        Assert.Equal("081234567890", row.Cell(13).GetString());
        Assert.Equal("Provinsi Uji Ekspor", row.Cell(8).GetString());
        Assert.Equal("IKM binaan", row.Cell(5).GetString());
        foreach (var producer in producers)
        {
            var cells = rows.Single(r => r.Cell(1).GetValue<int>() == producer.Id);
            Assert.Equal(producer.Slug, cells.Cell(3).GetString());
            Assert.Equal(producer.Region.Name, cells.Cell(7).GetString());
        }
    }

    [Fact]
    public async Task The_products_csv_holds_every_product_with_a_byte_order_mark()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Editor);

        var response = await client.GetAsync("/backoffice/statistics/export/products.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var products = await StatisticsData.WithDbAsync(factory.Services, db => db.Products.AsNoTracking().ToListAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ReadCsv(bytes);
        Assert.Equal("Nama", rows[0][1]);
        Assert.Equal(products.Count, rows.Count - 1);
        var byId = rows.Skip(1).ToDictionary(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(products, p =>
        {
            Assert.Equal(p.Slug, byId[p.Id][3]);
            Assert.Equal(p.PriceIdr?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", byId[p.Id][7]);
            Assert.Equal(p.ExportReady ? "Ya" : "Tidak", byId[p.Id][12]);
        });
    }

    [Fact]
    public async Task The_certificates_lists_say_where_each_certificate_stands()
    {
        var hidden = await StatisticsData.AddHiddenProducerAsync(factory.Services, "Provinsi Uji Sertifikat Ekspor", "Tenun Uji Sertifikat");
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);

        var csv = ReadCsv(await client.GetByteArrayAsync("/backoffice/statistics/export/certificates.csv"));
        var xlsx = await client.GetByteArrayAsync("/backoffice/statistics/export/certificates.xlsx");
        var count = await StatisticsData.WithDbAsync(factory.Services, db => db.Certifications.CountAsync());

        Assert.Equal(count, csv.Count - 1);
        var ours = csv.Where(r => r[6] == "Tenun Uji Sertifikat").ToDictionary(r => r[1]);
        Assert.Equal("Berlaku", ours["Halal"][8]);
        Assert.Equal("Belum diverifikasi", ours["PIRT"][8]);
        Assert.Equal("2030-01-01", ours["PIRT"][5]);
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var rows = workbook.Worksheets.First().RangeUsed().RowsUsed().Skip(1).ToList();
        Assert.Equal(count, rows.Count);
        var pirt = rows.Single(r => r.Cell(7).GetString() == "Tenun Uji Sertifikat" && r.Cell(2).GetString() == "PIRT");
        Assert.Equal(new DateTime(2030, 1, 1), pirt.Cell(6).GetDateTime());
        Assert.Equal(hidden.Name, pirt.Cell(7).GetString());
    }

    [Fact]
    public async Task An_unknown_list_or_format_is_not_found()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/backoffice/statistics/export/orders.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/backoffice/statistics/export/products.pdf")).StatusCode);
    }
}
