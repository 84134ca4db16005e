using System.Text.Json;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;

namespace IkmCatalog.Web.Areas.Backoffice.Content;

/// <summary>One field that differs between two versions: its path ("Name.English", "Images[1].Alt.Indonesian") and both values.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Field-by-field comparison of two version snapshots (both languages, relations included).</summary>
public static class VersionDiff
{
    public static List<FieldChange> Compare(string? before, string after)
    {
        var left = before is null ? [] : Flatten(before);
        var right = Flatten(after);
        return [.. left.Keys.Union(right.Keys)
            .Where(k => left.GetValueOrDefault(k) != right.GetValueOrDefault(k))
            .Select(k => new FieldChange(k, left.GetValueOrDefault(k), right.GetValueOrDefault(k)))];
    }

    public static Dictionary<string, string?> Flatten(string json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "", values);
        return values;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", values);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", values);
                }
                if (i == 0)
                {
                    values[path] = null;
                }
                break;
            case JsonValueKind.Null:
                values[path] = null;
                break;
            case JsonValueKind.String:
                values[path] = string.IsNullOrEmpty(element.GetString()) ? null : element.GetString();
                break;
            default:
                values[path] = element.GetRawText();
                break;
        }
    }
}

public sealed record ContentHistoryViewModel(
    DocumentType Type,
    DocumentRef Document,
    IReadOnlyList<ContentVersion> Versions,
    ContentVersion? Selected,
    ContentVersion? Previous,
    IReadOnlyList<FieldChange> Changes,
    IReadOnlyList<AuditEntry> Audit,
    OfficeTime Time);
