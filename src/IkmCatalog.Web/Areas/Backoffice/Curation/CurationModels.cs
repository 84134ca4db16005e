using IkmCatalog.Catalog;
using IkmCatalog.Content;
using IkmCatalog.Curation;
using IkmCatalog.Web.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IkmCatalog.Web.Areas.Backoffice.Curation;

/// <summary>Who may curate: Admins and Curators (the office's curation team).</summary>
public static class CurationRoles
{
    public const string Curators = IkmCatalog.Backoffice.EditorRoles.Curators;
}

/// <summary>The list's filters as typed in the address (numbers that do not parse are ignored).</summary>
public sealed class CurationFilter
{
    public int? Producer { get; set; }

    public int? Category { get; set; }

    public int? Round { get; set; }

    /// <summary>Only products that never passed curation.</summary>
    public bool Pending { get; set; }
}

public sealed record Choice(int Id, string Label);

public sealed record CurationProductRow(int Id, LocalizedText Name, string Producer, LocalizedText Category, PublishState State, string? Grade, DateOnly? CuratedOn, DateTime? LastAssessedAtUtc);

public sealed record CurationIndexViewModel(
    CurationFilter Filter, IReadOnlyList<CurationProductRow> Rows, int Total, PagerModel Pager,
    IReadOnlyList<Choice> Producers, IReadOnlyList<Choice> Categories, IReadOnlyList<CurationRound> Rounds);

/// <summary>The assessment form as posted: scores and notes keyed by criterion id.</summary>
public sealed class AssessForm
{
    public int? RoundId { get; set; }

    /// <summary>As typed (radio values "1"–"5"); text so that a tampered value gets a message, not a binding error.</summary>
    public Dictionary<int, string?> Scores { get; set; } = [];

    public Dictionary<int, string?> ScoreNotes { get; set; } = [];

    public string? Notes { get; set; }

    public string? Decision { get; set; }

    public bool Withdraw { get; set; }

    public AssessmentInput ToInput(int productId) => new(
        productId, RoundId,
        Scores.ToDictionary(s => s.Key, s => string.IsNullOrWhiteSpace(s.Value) ? (int?)null
            : int.TryParse(s.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0),
        ScoreNotes, Notes,
        Enum.TryParse<CurationDecision>(Decision, out var d) && Enum.IsDefined(d) && !int.TryParse(Decision, out _) ? d : null,
        Withdraw);
}

public sealed record AssessViewModel(
    Product Product, IReadOnlyList<CurationCriterion> Criteria, IReadOnlyList<CurationRound> OpenRounds, AssessForm Form,
    IReadOnlyList<CurationAssessment> Previous);

public sealed record ProductHistoryViewModel(Product Product, IReadOnlyList<CurationAssessment> Assessments);

/// <summary>A criterion as the rubric form edits it.</summary>
public sealed class CriterionForm
{
    public string? NameIndonesian { get; set; }

    public string? NameEnglish { get; set; }

    public string? GuidanceIndonesian { get; set; }

    public string? GuidanceEnglish { get; set; }

    public string? Weight { get; set; } = "1";

    public string? SortOrder { get; set; }

    public static CriterionForm From(CurationCriterion c) => new()
    {
        NameIndonesian = c.Name.Indonesian, NameEnglish = c.Name.English, GuidanceIndonesian = c.Guidance.Indonesian,
        GuidanceEnglish = c.Guidance.English,
        Weight = c.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SortOrder = c.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed record RubricViewModel(IReadOnlyList<CurationCriterion> Criteria, IReadOnlyDictionary<int, CriterionForm> Forms, CriterionForm Add, int? Failed);

/// <summary>A curation round as the office types it.</summary>
public sealed class RoundForm
{
    public string? NameIndonesian { get; set; }

    public string? NameEnglish { get; set; }

    public int? EventId { get; set; }

    public DateOnly? OpensOn { get; set; }

    public DateOnly? ClosesOn { get; set; }

    public static RoundForm From(CurationRound r) => new()
    {
        NameIndonesian = r.Name.Indonesian, NameEnglish = r.Name.English, EventId = r.EventId, OpensOn = r.OpensOn, ClosesOn = r.ClosesOn,
    };
}

public sealed record RoundFormViewModel(int? Id, RoundForm Form, IReadOnlyList<Choice> Events);

public sealed record RoundSummary(CurationRound Round, int Assessments, int Passed);

/// <summary>One product of a round: its latest assessment in the round.</summary>
public sealed record RoundEntry(CurationAssessment Assessment, Product Product);

public sealed record RoundViewModel(CurationRound Round, IReadOnlyList<RoundEntry> Assessments, IReadOnlyList<RoundEntry> Shortlist);

public static class CurationViews
{
    /// <summary>The first error for a field, or null.</summary>
    public static string? Error(ModelStateDictionary state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    /// <summary>An aria-describedby value from ids that exist (null when none).</summary>
    public static string? Described(params string?[] ids) =>
        ids.Any(i => i is not null) ? string.Join(' ', ids.Where(i => i is not null)) : null;

    /// <summary>A score as the page's language writes it: 3,80 or 3.80.</summary>
    public static string Score(decimal score) => score.ToString("0.00", ViewFormat.Format);

    public static string DecisionKey(CurationDecision decision) => decision switch
    {
        CurationDecision.Passed => "passed",
        CurationDecision.Improve => "improve",
        _ => "not-passed",
    };
}
