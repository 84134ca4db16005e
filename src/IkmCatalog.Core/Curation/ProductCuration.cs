using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Email;
using IkmCatalog.Producers;
using Microsoft.EntityFrameworkCore;

namespace IkmCatalog.Curation;

/// <summary>A curator's filled-in assessment form, as typed (a score may be missing or out of range).</summary>
public sealed record AssessmentInput(
    int ProductId,
    int? RoundId,
    IReadOnlyDictionary<int, int?> Scores,
    IReadOnlyDictionary<int, string?> ScoreNotes,
    string? Notes,
    CurationDecision? Decision,
    bool Withdraw);

public enum AssessStatus
{
    Saved,
    ProductNotFound,
    Invalid,
}

/// <summary>What a saved assessment changed, for the producer's email and the curator's notice.</summary>
public sealed record CurationOutcome(CurationAssessment Assessment, Product Product, Producer Producer, IReadOnlyList<CurationCriterion> Criteria, bool Granted, bool Withdrawn);

/// <summary>The result of an assessment: saved, or the errors next to their fields ("Scores[3]", "Decision", …).</summary>
public sealed record AssessResult(AssessStatus Status, CurationOutcome? Outcome = null, IReadOnlyList<DraftError>? Errors = null);

/// <summary>
/// Records a curator's assessment of a product and what follows from it, all in one save: the scores, the grade,
/// the "Dikurasi" badge and date on the product row (office facts, outside the product's draft), the producer's
/// move to Curated with its history row, the audit entry and the email to the producer.
/// </summary>
public sealed class ProductCuration(IkmDbContext db, OfficeTime time, EmailOutbox outbox)
{
    public const string AuditAction = "curated";
    public const string WithdrawAuditAction = "curation-withdrawn";
    public const int MaxNotes = 4000;
    public const int MaxScoreNote = 1000;

    /// <param name="notice">The email to the producer for an outcome (only asked when the producer has an address).</param>
    public async Task<AssessResult> AssessAsync(
        AssessmentInput input, string curatorId, string curatorName, Func<CurationOutcome, OutgoingEmail?> notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(notice);
        var product = await db.Products.Include(p => p.Producer).FirstOrDefaultAsync(p => p.Id == input.ProductId, cancellationToken);
        if (product is null)
        {
            return new(AssessStatus.ProductNotFound);
        }
        var criteria = await db.CurationCriteria.Where(c => c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var errors = await ValidateAsync(input, criteria, cancellationToken);
        if (errors.Count > 0)
        {
            return new(AssessStatus.Invalid, Errors: errors);
        }

        var now = time.UtcNow;
        var score = CurationGrading.Score(criteria.Select(c => (input.Scores[c.Id]!.Value, c.Weight)));
        var grade = CurationGrading.Grade(score);
        var decision = input.Decision!.Value;
        var assessment = new CurationAssessment
        {
            ProductId = product.Id, RoundId = input.RoundId, CuratorId = curatorId, CuratorName = curatorName, AssessedAtUtc = now,
            Score = score, Grade = grade, Decision = decision, Notes = Clean(input.Notes),
            Scores = [.. criteria.Select(c => new CurationScore { CriterionId = c.Id, Criterion = c, Value = input.Scores[c.Id]!.Value, Note = Clean(input.ScoreNotes.GetValueOrDefault(c.Id)) })],
        };
        db.CurationAssessments.Add(assessment);

        var granted = decision == CurationDecision.Passed;
        var withdrawn = !granted && input.Withdraw && product.CuratedOn is not null;
        if (granted)
        {
            product.CurationGrade = grade;
            product.CuratedOn = time.Today;
            if (product.Producer.Status != ProducerStatus.Curated)
            {
                db.ProducerStatusChanges.Add(new ProducerStatusChange
                {
                    ProducerId = product.ProducerId, From = product.Producer.Status, To = ProducerStatus.Curated, AtUtc = now, By = curatorName,
                    Note = $"Produk lolos kurasi: {product.Name.Indonesian}",
                });
                product.Producer.Status = ProducerStatus.Curated;
            }
        }
        else if (withdrawn)
        {
            product.CurationGrade = null;
            product.CuratedOn = null;
        }
        db.AuditEntries.Add(new AuditEntry
        {
            DocumentType = nameof(Product), DocumentId = product.Id, Action = AuditAction, User = curatorName, AtUtc = now,
            Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{grade} {score:0.00} {decision}"),
        });
        if (withdrawn)
        {
            db.AuditEntries.Add(new AuditEntry { DocumentType = nameof(Product), DocumentId = product.Id, Action = WithdrawAuditAction, User = curatorName, AtUtc = now });
        }

        var outcome = new CurationOutcome(assessment, product, product.Producer, criteria, granted, withdrawn);
        if (!string.IsNullOrWhiteSpace(product.Producer.Email) && notice(outcome) is { } email)
        {
            // An address the outbox refuses (mistyped when the producer registered) does not stop the assessment.
            outbox.Enqueue(email);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new(AssessStatus.Saved, outcome);
    }

    private async Task<List<DraftError>> ValidateAsync(AssessmentInput input, List<CurationCriterion> criteria, CancellationToken cancellationToken)
    {
        var errors = new List<DraftError>();
        if (criteria.Count == 0)
        {
            errors.Add(new DraftError("Scores", "curation.error.no-criteria"));
        }
        foreach (var criterion in criteria)
        {
            var field = $"Scores[{criterion.Id}]";
            switch (input.Scores.GetValueOrDefault(criterion.Id))
            {
                case null:
                    errors.Add(new DraftError(field, "curation.error.score-required", criterion.Name.Indonesian));
                    break;
                case < CurationGrading.MinScore or > CurationGrading.MaxScore:
                    errors.Add(new DraftError(field, "curation.error.score-range", CurationGrading.MinScore, CurationGrading.MaxScore));
                    break;
            }
            if (input.ScoreNotes.GetValueOrDefault(criterion.Id) is { Length: > MaxScoreNote })
            {
                errors.Add(new DraftError($"ScoreNotes[{criterion.Id}]", "curation.error.too-long", MaxScoreNote));
            }
        }
        // A score for a criterion that is retired (or never existed) means the form is out of date: the curator
        // should see the current rubric rather than have part of their work silently dropped.
        if (input.Scores.Where(s => s.Value is not null).Any(s => criteria.All(c => c.Id != s.Key)))
        {
            errors.Add(new DraftError("Scores", "curation.error.retired-criterion"));
        }
        if (input.Notes is { Length: > MaxNotes })
        {
            errors.Add(new DraftError(nameof(AssessmentInput.Notes), "curation.error.too-long", MaxNotes));
        }
        if (input.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            errors.Add(new DraftError(nameof(AssessmentInput.Decision), "curation.error.decision-required"));
        }
        else if (decision == CurationDecision.Passed && criteria.Count > 0
            && criteria.All(c => input.Scores.GetValueOrDefault(c.Id) is >= CurationGrading.MinScore and <= CurationGrading.MaxScore))
        {
            var grade = CurationGrading.Grade(CurationGrading.Score(criteria.Select(c => (input.Scores[c.Id]!.Value, c.Weight))));
            if (!CurationGrading.MayPass(grade))
            {
                errors.Add(new DraftError(nameof(AssessmentInput.Decision), "curation.error.passed-grade-d"));
            }
        }
        if (input.RoundId is { } roundId)
        {
            var round = await db.CurationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
            if (round is null)
            {
                errors.Add(new DraftError(nameof(AssessmentInput.RoundId), "curation.error.round-unknown"));
            }
            else if (round.Closed)
            {
                errors.Add(new DraftError(nameof(AssessmentInput.RoundId), "curation.error.round-closed"));
            }
        }
        return errors;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
