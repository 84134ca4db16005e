using System.Globalization;
using IkmCatalog.Content;

namespace IkmCatalog.Web.Views;

/// <summary>Formatting shared by the views: rupiah amounts and dates in the page's language.</summary>
public static class ViewFormat
{
    private static readonly CultureInfo IndonesianFormat = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo EnglishFormat = CultureInfo.GetCultureInfo("en-GB");

    public static string Culture => Cultures.Normalize(CultureInfo.CurrentUICulture.Name);

    public static CultureInfo Format => Culture == Cultures.English ? EnglishFormat : IndonesianFormat;

    public static string Rupiah(long amount) => Rupiah(amount, Culture);

    /// <summary>An amount in a given language (emails are written in the buyer's, not the request's): Rp25.000 or IDR 25,000.</summary>
    public static string Rupiah(long amount, string culture) =>
        Cultures.Normalize(culture) == Cultures.English
            ? string.Format(EnglishFormat, "IDR {0:N0}", amount)
            : string.Format(IndonesianFormat, "Rp{0:N0}", amount);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Format);

    public static string Date(DateTime date) => date.ToString("d MMMM yyyy", Format);

    public static string Date(DateTimeOffset date) => date.ToString("d MMMM yyyy", Format);

    public static string Time(DateTimeOffset date) => date.ToString("HH.mm", Format);

    public static string IsoDate(DateTimeOffset date) => date.ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("N0", Format);
}
