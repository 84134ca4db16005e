using System.Globalization;
using System.Text;

namespace IkmCatalog.Content;

/// <summary>URL names of documents: lower-case ASCII letters, digits and single dashes, made from the Indonesian name.</summary>
public static class Slugs
{
    public const int MaxLength = 160;

    public static string From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é → e
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(lower);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        var slug = builder.ToString();
        return slug.Length <= MaxLength - 4 ? slug : slug[..(MaxLength - 4)].TrimEnd('-');
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && From(slug) == slug;

    /// <summary>The slug, or the first of slug-2, slug-3 … that <paramref name="taken"/> says is free.</summary>
    public static async Task<string> UniqueAsync(string slug, Func<string, Task<bool>> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var candidate = slug;
        for (var n = 2; await taken(candidate); n++)
        {
            candidate = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
        return candidate;
    }
}
