using System.Text;
using IkmCatalog.Content;
using IkmCatalog.Curation;
using IkmCatalog.Email;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice.Curation;

/// <summary>The producer's letter about a curation result: in Indonesian, with the scores and the curator's notes.</summary>
public sealed class CurationEmails(UiStrings strings, IOptions<IkmCatalogOptions> options, IkmCatalog.Web.Theming.ActiveTheme theme)
{
    public const string Kind = "curation-result";

    public OutgoingEmail Result(CurationOutcome outcome, string productUrl)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        const string culture = Cultures.Indonesian;
        var format = UiStrings.FormatFor(culture);
        var assessment = outcome.Assessment;
        var product = outcome.Product.Name.Indonesian;
        var decision = Text("backoffice.curation.decision." + CurationViews.DecisionKey(assessment.Decision));
        var body = new StringBuilder()
            .AppendLine(Text("curation-mail.greeting", outcome.Producer.Name)).AppendLine()
            .AppendLine(Text("curation-mail.intro", product)).AppendLine()
            .AppendLine(Text("curation-mail.decision", decision))
            .AppendLine(Text("curation-mail.grade", assessment.Grade, assessment.Score.ToString("0.00", format))).AppendLine()
            .AppendLine(Text("curation-mail.scores"));
        foreach (var score in assessment.Scores)
        {
            body.AppendLine(string.Create(format, $"- {score.Criterion.Name.Indonesian}: {score.Value}/5"));
            if (score.Note is { } note)
            {
                body.AppendLine("  " + note);
            }
        }
        if (assessment.Notes is { } notes)
        {
            body.AppendLine().AppendLine(Text("curation-mail.notes")).AppendLine(notes);
        }
        body.AppendLine().AppendLine(Text(outcome.Granted ? "curation-mail.passed" : outcome.Withdrawn ? "curation-mail.withdrawn" : "curation-mail.next"));
        if (outcome.Granted)
        {
            body.AppendLine(productUrl);
        }
        var office = options.Value.OfficeFor(theme).Name is { Length: > 0 } name ? name : Text("inquiry-mail.office");
        body.AppendLine().AppendLine(Text("inquiry-mail.regards")).AppendLine(assessment.CuratorName).AppendLine(office);
        return new OutgoingEmail(Kind, outcome.Producer.Email!.Trim(), outcome.Producer.Name, Text("curation-mail.subject", product, decision), body.ToString(), Culture: culture);
    }

    private string Text(string key, params object?[] values) => strings.Text(Cultures.Indonesian, key, values);
}
