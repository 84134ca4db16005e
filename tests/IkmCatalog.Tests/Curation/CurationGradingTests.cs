using IkmCatalog.Curation;

namespace IkmCatalog.Tests.Curation;

public class CurationGradingTests
{
    [Theory]
    [InlineData("5.00", "A")]
    [InlineData("4.25", "A")]
    [InlineData("4.24", "B")]
    [InlineData("3.50", "B")]
    [InlineData("3.49", "C")]
    [InlineData("2.75", "C")]
    [InlineData("2.74", "D")]
    [InlineData("1.00", "D")]
    public void Grades_follow_the_documented_scale_at_its_boundaries(string score, string grade) =>
        Assert.Equal(grade, CurationGrading.Grade(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_score_is_the_weighted_average_rounded_to_two_decimals()
    {
        Assert.Equal(4.20m, CurationGrading.Score([(5, 1), (4, 1), (4, 1), (4, 1), (4, 1)]));
        // (5×2 + 3 + 3) / 4 = 4.00: a weight of 2 counts twice.
        Assert.Equal(4.00m, CurationGrading.Score([(5, 2), (3, 1), (3, 1)]));
        // 13 / 3 = 4.333…
        Assert.Equal(4.33m, CurationGrading.Score([(5, 1), (4, 1), (4, 1)]));
        // 4.245 rounds up to 4.25, so the grade is A, as the office reads it.
        Assert.Equal("A", CurationGrading.Grade(CurationGrading.Score([(5, 49), (4, 151)])));
    }

    [Fact]
    public void A_product_graded_d_may_not_pass_and_the_others_may()
    {
        Assert.False(CurationGrading.MayPass("D"));
        Assert.True(CurationGrading.MayPass("C"));
        Assert.True(CurationGrading.MayPass("A"));
    }

    [Fact]
    public void The_default_rubric_has_the_five_criteria_in_both_languages_weighing_the_same()
    {
        var rubric = CurationRubric.Defaults();

        Assert.Equal(["legality", "quality", "packaging", "capacity", "market"], rubric.Select(c => c.Key));
        Assert.All(rubric, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Name.Indonesian));
            Assert.False(string.IsNullOrWhiteSpace(c.Name.English));
            Assert.False(string.IsNullOrWhiteSpace(c.Guidance.Indonesian));
            Assert.False(string.IsNullOrWhiteSpace(c.Guidance.English));
            Assert.Equal(1, c.Weight);
            Assert.True(c.Active);
        });
    }
}
