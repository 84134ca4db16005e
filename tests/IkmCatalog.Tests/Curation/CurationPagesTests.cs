using System.Net;
using System.Text;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Curation;
using IkmCatalog.Data;
using IkmCatalog.Producers;
using IkmCatalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Curation;

/// <summary>A curator scores products against the rubric; what passes gets the badge, rounds make shortlists.</summary>
[Collection(SiteCollection.Name)]
public class CurationPagesTests(IkmWebFactory factory)
{
    private sealed record Candidate(int Id, string Slug, string Name, int ProducerId, string? ProducerEmail);

    private async Task<T> WithDbAsync<T>(Func<IkmDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<IkmDbContext>());
    }

    private Task<List<CurationCriterion>> ActiveCriteriaAsync() =>
        WithDbAsync(db => db.CurationCriteria.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ToListAsync());

    /// <summary>A public product nobody has assessed yet (each test takes its own).</summary>
    private Task<Candidate> FreshProductAsync(bool withEmail = false, int skip = 0) => WithDbAsync(db =>
        db.PublicProducts(DateTime.UtcNow)
            .Where(p => p.CuratedOn == null && !db.CurationAssessments.Any(a => a.ProductId == p.Id))
            .Where(p => !withEmail || (p.Producer.Email != null && p.Producer.Email != ""))
            .OrderBy(p => p.Id).Skip(skip)
            .Select(p => new Candidate(p.Id, p.Slug, p.Name.Indonesian, p.ProducerId, p.Producer.Email)).FirstAsync());

    private static Dictionary<string, string> Fields(IEnumerable<CurationCriterion> criteria, IReadOnlyList<int> scores, string? decision, int? round = null)
    {
        var fields = new Dictionary<string, string>();
        var i = 0;
        foreach (var criterion in criteria)
        {
            fields[$"Scores[{criterion.Id}]"] = scores[Math.Min(i++, scores.Count - 1)].ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"ScoreNotes[{criterion.Id}]"] = $"Catatan {criterion.Key}";
        }
        if (decision is not null)
        {
            fields["Decision"] = decision;
        }
        fields["Notes"] = "Label perlu mencantumkan berat bersih.";
        if (round is { } r)
        {
            fields["RoundId"] = r.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return fields;
    }

    private static Task<HttpResponseMessage> AssessAsync(HttpClient client, int productId, Dictionary<string, string> fields) =>
        Forms.SubmitAsync(client, $"/backoffice/curation/products/{productId}/assess", "form[action$='/assess']", fields);

    [Fact]
    public async Task The_assessment_form_asks_a_score_from_1_to_5_for_every_criterion_of_the_default_rubric()
    {
        var product = await FreshProductAsync();
        var criteria = await ActiveCriteriaAsync();
        using var curator = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);

        var page = await factory.GetDocumentAsync(curator, $"/backoffice/curation/products/{product.Id}/assess");

        Assert.Subset(criteria.Select(c => c.Key).ToHashSet(), new HashSet<string> { "legality", "quality", "packaging", "capacity", "market" });
        foreach (var criterion in criteria)
        {
            var radios = page.QuerySelectorAll($"input[type=radio][name='Scores[{criterion.Id}]']");
            Assert.Equal(["1", "2", "3", "4", "5"], radios.Select(r => r.GetAttribute("value")));
            // Every radio has its label, inside a fieldset whose legend names the criterion.
            Assert.All(radios, r => Assert.NotNull(page.QuerySelector($"label[for='{r.Id}']")));
            Assert.Contains(criterion.Name.Indonesian, radios[0].Closest("fieldset")!.QuerySelector("legend")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Contains("4,25", page.QuerySelector(".bo-curation-scale")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passing_a_product_saves_its_scores_grades_it_and_shows_the_curated_badge_in_both_languages()
    {
        var product = await FreshProductAsync(withEmail: true);
        var criteria = await ActiveCriteriaAsync();
        var (journalBefore, wasStatus) = await WithDbAsync(async db => (
            await db.IndexJournal.MaxAsync(e => (long?)e.Id) ?? 0,
            await db.Producers.Where(p => p.Id == product.ProducerId).Select(p => p.Status).FirstAsync()));
        using var curator = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);

        var response = await AssessAsync(curator, product.Id, Fields(criteria, [5, 4, 4, 4, 4], "Passed"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/backoffice/curation/products/{product.Id}", response.Headers.Location!.OriginalString);
        var today = factory.Services.GetRequiredService<OfficeTime>().Today;
        await WithDbAsync(async db =>
        {
            var assessment = await db.CurationAssessments.Include(a => a.Scores).SingleAsync(a => a.ProductId == product.Id);
            var expected = CurationGrading.Score(criteria.Select((c, i) => (i == 0 ? 5 : 4, c.Weight)));
            Assert.Equal(expected, assessment.Score);
            Assert.Equal(CurationGrading.Grade(expected), assessment.Grade);
            Assert.Equal(CurationDecision.Passed, assessment.Decision);
            Assert.Equal(criteria.Count, assessment.Scores.Count);
            Assert.Equal("Catatan legality", assessment.Scores.Single(s => s.CriterionId == criteria[0].Id).Note);
            Assert.Equal("Petugas Uji", assessment.CuratorName);

            var row = await db.Products.AsNoTracking().SingleAsync(p => p.Id == product.Id);
            Assert.Equal(assessment.Grade, row.CurationGrade);
            Assert.Equal(today, row.CuratedOn);
            Assert.Equal(ProducerStatus.Curated, await db.Producers.Where(p => p.Id == product.ProducerId).Select(p => p.Status).FirstAsync());
            if (wasStatus != ProducerStatus.Curated)
            {
                Assert.True(await db.ProducerStatusChanges.AnyAsync(c => c.ProducerId == product.ProducerId && c.From == wasStatus && c.To == ProducerStatus.Curated));
            }
            Assert.True(await db.AuditEntries.AnyAsync(a => a.DocumentType == "Product" && a.DocumentId == product.Id && a.Action == "curated"));
            // The search index and every node hear of the change from the journal written with it.
            Assert.True(await db.IndexJournal.AnyAsync(e => e.Id > journalBefore && e.DocumentType == "Product" && e.DocumentId == product.Id));
            var mail = await db.Outbox.SingleAsync(m => m.Kind == "curation-result" && m.To == product.ProducerEmail!.Trim() && m.Subject.Contains(product.Name));
            Assert.Equal("id", mail.Culture);
            Assert.Contains("Label perlu mencantumkan berat bersih.", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Lolos kurasi", mail.TextBody, StringComparison.Ordinal);
            return 0;
        });

        var visitor = factory.CreateClient();
        var indonesian = await factory.GetDocumentAsync(visitor, $"/produk/{product.Slug}");
        var badge = indonesian.QuerySelector(".product-info .curated")!;
        Assert.Contains("Dikurasi", badge.TextContent, StringComparison.Ordinal);
        Assert.Contains(today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")), badge.TextContent, StringComparison.Ordinal);
        var english = await factory.GetDocumentAsync(visitor, $"/en/products/{product.Slug}");
        var englishBadge = english.QuerySelector(".product-info .curated")!;
        Assert.Contains("Curated", englishBadge.TextContent, StringComparison.Ordinal);
        Assert.Contains(today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), englishBadge.TextContent, StringComparison.Ordinal);

        var history = await factory.GetDocumentAsync(curator, $"/backoffice/curation/products/{product.Id}");
        Assert.Single(history.QuerySelectorAll(".bo-assessment"));
    }

    [Fact]
    public async Task Improve_grants_nothing_and_leaves_an_earlier_badge_unless_the_curator_withdraws_it()
    {
        var fresh = await FreshProductAsync();
        var criteria = await ActiveCriteriaAsync();
        using var curator = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);

        Assert.Equal(HttpStatusCode.Redirect, (await AssessAsync(curator, fresh.Id, Fields(criteria, [5], "Improve"))).StatusCode);
        Assert.Null(await WithDbAsync(db => db.Products.Where(p => p.Id == fresh.Id).Select(p => p.CuratedOn).FirstAsync()));
        var page = await factory.GetDocumentAsync(factory.CreateClient(), $"/produk/{fresh.Slug}");
        Assert.Null(page.QuerySelector(".product-info .curated"));

        Assert.Equal(HttpStatusCode.Redirect, (await AssessAsync(curator, fresh.Id, Fields(criteria, [4], "Passed"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AssessAsync(curator, fresh.Id, Fields(criteria, [2], "NotPassed"))).StatusCode);
        var kept = await WithDbAsync(db => db.Products.Where(p => p.Id == fresh.Id).Select(p => new { p.CuratedOn, p.CurationGrade }).FirstAsync());
        Assert.NotNull(kept.CuratedOn);
        Assert.Equal("B", kept.CurationGrade);

        var withdraw = Fields(criteria, [2], "Improve");
        withdraw["Withdraw"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await AssessAsync(curator, fresh.Id, withdraw)).StatusCode);
        var withdrawn = await WithDbAsync(db => db.Products.Where(p => p.Id == fresh.Id).Select(p => new { p.CuratedOn, p.CurationGrade }).FirstAsync());
        Assert.Null(withdrawn.CuratedOn);
        Assert.Null(withdrawn.CurationGrade);
        Assert.Equal(4, await WithDbAsync(db => db.CurationAssessments.CountAsync(a => a.ProductId == fresh.Id)));
    }

    [Fact]
    public async Task A_missing_or_out_of_range_score_and_a_d_that_passes_are_refused_next_to_their_fields()
    {
        var product = await FreshProductAsync();
        var criteria = await ActiveCriteriaAsync();
        using var curator = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);

        var fields = Fields(criteria, [4], "Passed");
        fields.Remove($"Scores[{criteria[0].Id}]");
        fields[$"Scores[{criteria[1].Id}]"] = "7";
        var response = await AssessAsync(curator, product.Id, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(criteria[0].Name.Indonesian, page.QuerySelector($"#score-{criteria[0].Id}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("antara 1 dan 5", page.QuerySelector($"#score-{criteria[1].Id}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"guidance-{criteria[1].Id} score-{criteria[1].Id}-error", page.QuerySelector($"#score-{criteria[1].Id}-error")!.Closest("fieldset")!.GetAttribute("aria-describedby"));
        // What the curator typed is kept.
        Assert.Equal("Label perlu mencantumkan berat bersih.", page.QuerySelector("#notes")!.TextContent);

        var allOnes = await AssessAsync(curator, product.Id, Fields(criteria, [1], "Passed"));
        Assert.Equal(HttpStatusCode.BadRequest, allOnes.StatusCode);
        Assert.Contains("grade D", (await Forms.ParseAsync(allOnes)).QuerySelector("#decision-error")!.TextContent, StringComparison.Ordinal);

        var noDecision = await AssessAsync(curator, product.Id, Fields(criteria, [3], null));
        Assert.NotNull((await Forms.ParseAsync(noDecision)).QuerySelector("#decision-error"));

        Assert.Equal(0, await WithDbAsync(db => db.CurationAssessments.CountAsync(a => a.ProductId == product.Id)));
    }

    [Fact]
    public async Task The_rubric_is_edited_with_checks_and_a_retired_criterion_cannot_be_scored()
    {
        using var curator = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);

        var invalid = await Forms.SubmitAsync(curator, "/backoffice/curation/rubric", "form[action='/backoffice/curation/rubric/add']",
            new Dictionary<string, string> { ["Add.NameIndonesian"] = "", ["Add.Weight"] = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var refused = await Forms.ParseAsync(invalid);
        Assert.NotNull(refused.QuerySelector("#new-NameIndonesian-error"));
        Assert.Contains("1–5", refused.QuerySelector("#new-weight-error")!.TextContent, StringComparison.Ordinal);

        var name = $"Inovasi desain {Guid.NewGuid():N}"[..24];
        var added = await Forms.SubmitAsync(curator, "/backoffice/curation/rubric", "form[action='/backoffice/curation/rubric/add']",
            new Dictionary<string, string> { ["Add.NameIndonesian"] = name, ["Add.NameEnglish"] = "Design innovation", ["Add.Weight"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var criterion = await WithDbAsync(db => db.CurationCriteria.AsNoTracking().SingleAsync(c => c.Name.Indonesian == name));
        Assert.Equal(2, criterion.Weight);
        Assert.StartsWith("inovasi-desain", criterion.Key, StringComparison.Ordinal);

        // A form opened while the criterion was active, posted after it was retired.
        var product = await FreshProductAsync();
        var stale = Fields(await ActiveCriteriaAsync(), [4], "Passed");
        var retired = await Forms.SubmitAsync(curator, "/backoffice/curation/rubric", $"form[action='/backoffice/curation/rubric/{criterion.Id}/retire']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.False(await WithDbAsync(db => db.CurationCriteria.Where(c => c.Id == criterion.Id).Select(c => c.Active).FirstAsync()));

        var response = await AssessAsync(curator, product.Id, stale);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dinonaktifkan", (await Forms.ParseAsync(response)).QuerySelector(".bo-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await factory.GetDocumentAsync(curator, $"/backoffice/curation/products/{product.Id}/assess")).QuerySelectorAll($"input[name='Scores[{criterion.Id}]']"));
    }

    [Fact]
    public async Task A_round_shortlists_passed_products_by_score_exports_them_and_prints_their_cards()
    {
        using var curator = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);
        var eventId = await WithDbAsync(db => db.Events.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var roundName = $"Kurasi TEI 2026 {Guid.NewGuid():N}"[..24];
        var created = await Forms.SubmitAsync(curator, "/backoffice/curation/rounds/new", "form[action='/backoffice/curation/rounds/new']",
            new Dictionary<string, string> { ["NameIndonesian"] = roundName, ["NameEnglish"] = "TEI 2026 curation", ["EventId"] = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["OpensOn"] = "2026-08-01", ["ClosesOn"] = "2026-09-15" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roundUrl = created.Headers.Location!.OriginalString;
        var roundId = int.Parse(roundUrl[(roundUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        var criteria = await ActiveCriteriaAsync();
        var good = await FreshProductAsync();
        var better = await FreshProductAsync(skip: 1);
        var weak = await FreshProductAsync(skip: 2);
        Assert.Equal(HttpStatusCode.Redirect, (await AssessAsync(curator, good.Id, Fields(criteria, [4, 3], "Passed", roundId))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AssessAsync(curator, better.Id, Fields(criteria, [5], "Passed", roundId))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AssessAsync(curator, weak.Id, Fields(criteria, [2], "NotPassed", roundId))).StatusCode);

        var page = await factory.GetDocumentAsync(curator, roundUrl);
        Assert.Equal([better.Id, good.Id], page.QuerySelectorAll(".bo-shortlist li").Select(li => int.Parse(li.GetAttribute("data-product")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, page.QuerySelectorAll("#assessed-title + div tbody tr").Length);

        var csv = await curator.GetAsync($"/backoffice/curation/rounds/{roundId}/shortlist.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Peringkat,Produk,Produsen,Daerah,Grade,Skor,Keputusan,Sertifikat,Harga,Minimal pesanan,Tautan", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.Contains(better.Name, lines[1], StringComparison.Ordinal);
        Assert.Contains(",A,5.00,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"/produk/{better.Slug}", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"/produk/{good.Slug}", lines[2], StringComparison.Ordinal);

        var sheet = await factory.GetDocumentAsync(curator, $"/backoffice/curation/rounds/{roundId}/cards?lang=en");
        Assert.Contains(roundName, sheet.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([$"/en/products/{better.Slug}", $"/en/products/{good.Slug}"],
            sheet.QuerySelectorAll(".qr-card").Select(c => new Uri(c.GetAttribute("data-url")!).AbsolutePath));

        // A closed round takes no more assessments.
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(curator, roundUrl, $"form[action='/backoffice/curation/rounds/{roundId}/close']", new Dictionary<string, string>())).StatusCode);
        var late = await AssessAsync(curator, weak.Id, Fields(criteria, [5], "Passed", roundId));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(late)).QuerySelector("#round-error"));
    }

    [Fact]
    public async Task A_round_needs_a_name_and_dates_in_order()
    {
        using var curator = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);

        var response = await Forms.SubmitAsync(curator, "/backoffice/curation/rounds/new", "form[action='/backoffice/curation/rounds/new']",
            new Dictionary<string, string> { ["NameIndonesian"] = " ", ["OpensOn"] = "2026-09-15", ["ClosesOn"] = "2026-08-01", ["EventId"] = "999999" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#name-error"));
        Assert.NotNull(page.QuerySelector("#closes-error"));
        Assert.NotNull(page.QuerySelector("#event-error"));
        Assert.Equal("true", page.QuerySelector("#name-id")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Publishing_an_edited_product_keeps_its_curation_grade_and_date()
    {
        var product = await FreshProductAsync();
        using var curator = await Editors.SignedInClientAsync(factory, EditorRoles.Curator);
        Assert.Equal(HttpStatusCode.Redirect, (await AssessAsync(curator, product.Id, Fields(await ActiveCriteriaAsync(), [5], "Passed"))).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            var publisher = scope.ServiceProvider.GetRequiredService<ContentPublisher>();
            var current = await db.Products.AsNoTracking().Include(p => p.Images).Include(p => p.Certifications).SingleAsync(p => p.Id == product.Id);
            var draft = IkmCatalog.Catalog.ProductDraft.From(current);
            draft.Summary = new LocalizedText(current.Summary.Indonesian + " Kini tersedia dalam kemasan 250 g.", current.Summary.English);
            Assert.Equal(PublishStatus.Saved, (await publisher.SaveDraftAsync(DocumentTypes.Product, product.Id, draft, "editor@example.go.id", await publisher.LatestNumberAsync(DocumentTypes.Product, product.Id))).Status);
            Assert.Equal(PublishStatus.Published, (await publisher.PublishAsync(DocumentTypes.Product, product.Id, "editor@example.go.id")).Status);
        }

        var row = await WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == product.Id));
        Assert.EndsWith("kemasan 250 g.", row.Summary.Indonesian, StringComparison.Ordinal);
        Assert.Equal("A", row.CurationGrade);
        Assert.Equal(factory.Services.GetRequiredService<OfficeTime>().Today, row.CuratedOn);
    }
}
