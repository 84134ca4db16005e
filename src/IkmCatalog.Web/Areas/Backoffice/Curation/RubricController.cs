using System.Globalization;
using System.Text;
using IkmCatalog.Content;
using IkmCatalog.Curation;
using IkmCatalog.Data;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Curation;

/// <summary>
/// The office's curation rubric: names and guidance in both languages, weights, order; criteria are retired rather
/// than deleted so past assessments keep their lines.
/// </summary>
[Route("backoffice/curation/rubric")]
[Authorize(Roles = CurationRoles.Curators)]
public sealed class RubricController(IkmDbContext db, TimeProvider clock, IStringLocalizer<UiStrings> text) : BackofficeController
{
    private const string AuditType = "curation-rubric";
    private const string Page = "~/Areas/Backoffice/Curation/Rubric.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(Page, await ModelAsync(null, null, new CriterionForm(), cancellationToken));

    [HttpPost("add")]
    public async Task<IActionResult> Add([Bind(Prefix = "Add")] CriterionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = Check(form, "Add.");
        if (values is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(Page, await ModelAsync(null, null, form, cancellationToken));
        }
        var keys = await db.CurationCriteria.Select(c => c.Key).ToListAsync(cancellationToken);
        var criterion = new CurationCriterion { Key = UniqueKey(values.Name.Indonesian, keys), Active = true };
        values.ApplyTo(criterion);
        if (form.SortOrder is null or "")
        {
            criterion.SortOrder = await db.CurationCriteria.MaxAsync(c => (int?)c.SortOrder, cancellationToken) + 10 ?? 10;
        }
        db.CurationCriteria.Add(criterion);
        Audit(0, "criterion-add", criterion.Name.Indonesian);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.rubric.added", criterion.Name.Indonesian].Value;
        return Redirect("/backoffice/curation/rubric");
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Edit")] CriterionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var criterion = await db.CurationCriteria.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (criterion is null)
        {
            return NotFound();
        }
        var values = Check(form, "Edit.");
        if (values is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(Page, await ModelAsync(id, form, new CriterionForm(), cancellationToken));
        }
        values.ApplyTo(criterion);
        Audit(id, "criterion-edit", criterion.Name.Indonesian);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text["backoffice.rubric.saved", criterion.Name.Indonesian].Value;
        return Redirect("/backoffice/curation/rubric");
    }

    [HttpPost("{id:int}/retire")]
    public Task<IActionResult> Retire(int id, CancellationToken cancellationToken) => SetActiveAsync(id, false, cancellationToken);

    [HttpPost("{id:int}/restore")]
    public Task<IActionResult> Restore(int id, CancellationToken cancellationToken) => SetActiveAsync(id, true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        var criterion = await db.CurationCriteria.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (criterion is null)
        {
            return NotFound();
        }
        if (!active && criterion.Active && !await db.CurationCriteria.AnyAsync(c => c.Active && c.Id != id, cancellationToken))
        {
            // A rubric with nothing to score would make every assessment impossible.
            TempData["Notice"] = text["backoffice.rubric.last-active"].Value;
            return Redirect("/backoffice/curation/rubric");
        }
        criterion.Active = active;
        Audit(id, active ? "criterion-restore" : "criterion-retire", criterion.Name.Indonesian);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = text[active ? "backoffice.rubric.restored" : "backoffice.rubric.retired", criterion.Name.Indonesian].Value;
        return Redirect("/backoffice/curation/rubric");
    }

    private sealed record CriterionValues(LocalizedText Name, LocalizedText Guidance, int Weight, int? SortOrder)
    {
        public void ApplyTo(CurationCriterion c)
        {
            c.Name = Name;
            c.Guidance = Guidance;
            c.Weight = Weight;
            if (SortOrder is { } order)
            {
                c.SortOrder = order;
            }
        }
    }

    /// <summary>Adds a message next to each wrong field; the cleaned values when all are right.</summary>
    private CriterionValues? Check(CriterionForm form, string prefix)
    {
        var nameId = form.NameIndonesian?.Trim() ?? "";
        var nameEn = form.NameEnglish?.Trim();
        if (nameId.Length == 0)
        {
            ModelState.AddModelError(prefix + nameof(form.NameIndonesian), text["backoffice.rubric.error.name-required"]);
        }
        foreach (var (field, value, max) in new[]
        {
            (nameof(form.NameIndonesian), nameId, CurationRubric.MaxName), (nameof(form.NameEnglish), nameEn, CurationRubric.MaxName),
            (nameof(form.GuidanceIndonesian), form.GuidanceIndonesian, CurationRubric.MaxGuidance),
            (nameof(form.GuidanceEnglish), form.GuidanceEnglish, CurationRubric.MaxGuidance),
        })
        {
            if (value is { } v && v.Trim().Length > max)
            {
                ModelState.AddModelError(prefix + field, text["backoffice.rubric.error.too-long", max]);
            }
        }
        if (!int.TryParse(form.Weight, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight is < CurationRubric.MinWeight or > CurationRubric.MaxWeight)
        {
            ModelState.AddModelError(prefix + nameof(form.Weight), text["backoffice.rubric.error.weight", CurationRubric.MinWeight, CurationRubric.MaxWeight]);
        }
        int? order = null;
        if (!string.IsNullOrWhiteSpace(form.SortOrder))
        {
            if (int.TryParse(form.SortOrder, NumberStyles.None, CultureInfo.InvariantCulture, out var o) && o <= 9999)
            {
                order = o;
            }
            else
            {
                ModelState.AddModelError(prefix + nameof(form.SortOrder), text["backoffice.rubric.error.order"]);
            }
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        return new CriterionValues(
            new LocalizedText(nameId, string.IsNullOrWhiteSpace(nameEn) ? null : nameEn),
            new LocalizedText(form.GuidanceIndonesian?.Trim() ?? "", string.IsNullOrWhiteSpace(form.GuidanceEnglish) ? null : form.GuidanceEnglish.Trim()),
            weight, order);
    }

    /// <summary>A stable key from the Indonesian name ("kemasan-dan-label"), unique among the rubric's keys.</summary>
    private static string UniqueKey(string name, IReadOnlyCollection<string> taken)
    {
        var key = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                key.Append(ch);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }
        var stem = key.ToString().Trim('-');
        stem = stem.Length == 0 ? "criterion" : stem[..Math.Min(stem.Length, 40)].Trim('-');
        var candidate = stem;
        for (var n = 2; taken.Contains(candidate, StringComparer.Ordinal); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }
        return candidate;
    }

    private void Audit(int id, string action, string detail) =>
        db.AuditEntries.Add(new AuditEntry { DocumentType = AuditType, DocumentId = id, Action = action, User = UserName, AtUtc = clock.GetUtcNow().UtcDateTime, Detail = detail });

    private async Task<RubricViewModel> ModelAsync(int? failed, CriterionForm? failedForm, CriterionForm add, CancellationToken cancellationToken)
    {
        var criteria = await db.CurationCriteria.AsNoTracking().OrderByDescending(c => c.Active).ThenBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var forms = criteria.ToDictionary(c => c.Id, c => c.Id == failed && failedForm is not null ? failedForm : CriterionForm.From(c));
        return new RubricViewModel(criteria, forms, add, failed);
    }
}
