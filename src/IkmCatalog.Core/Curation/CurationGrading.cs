namespace IkmCatalog.Curation;

/// <summary>
/// How a product's scores become a grade. The score is the weighted average of the criteria's 1–5 scores, rounded
/// to two decimals (the stored figure, so the grade always follows from what the office reads); the grade is
/// A from 4.25, B from 3.50, C from 2.75 and D below. A product graded D cannot be passed: its curator decides
/// "improve" or "not passed".
/// </summary>
public static class CurationGrading
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>The lowest score of each grade, best first (D is everything below C).</summary>
    public static readonly IReadOnlyList<(string Grade, decimal From)> Scale = [("A", 4.25m), ("B", 3.5m), ("C", 2.75m), ("D", 1m)];

    public static string Grade(decimal score) => score switch
    {
        >= 4.25m => "A",
        >= 3.5m => "B",
        >= 2.75m => "C",
        _ => "D",
    };

    /// <summary>The weighted average of <paramref name="scores"/>, rounded half away from zero to two decimals.</summary>
    public static decimal Score(IEnumerable<(int Value, int Weight)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var list = scores.ToList();
        var weights = list.Sum(s => s.Weight);
        if (list.Count == 0 || weights <= 0)
        {
            throw new ArgumentException("At least one weighted score is needed.", nameof(scores));
        }
        return Math.Round(list.Sum(s => (decimal)s.Value * s.Weight) / weights, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether a product with <paramref name="grade"/> may be given the "Passed" decision.</summary>
    public static bool MayPass(string grade) => grade != "D";
}
