using System.Collections;
using System.Reflection;

namespace IkmCatalog.Web.Areas.Backoffice.Content;

/// <summary>
/// Form binding turns a blank field into null, even text a draft declares non-nullable (a slug left empty to be
/// made from the name, a blank packaging line, the Indonesian alt text of a photo). Such text becomes "" again, as
/// the drafts' rules and the database columns expect.
/// </summary>
public static class BlankFields
{
    public static void Restore(object? model)
    {
        switch (model)
        {
            case null or string:
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Restore(item);
                }
                return;
        }
        var nullability = new NullabilityInfoContext();
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            if (property.PropertyType == typeof(string))
            {
                if (property.CanWrite && property.GetValue(model) is null && nullability.Create(property).WriteState == NullabilityState.NotNull)
                {
                    property.SetValue(model, "");
                }
            }
            else if (!property.PropertyType.IsValueType && IsOurs(property.PropertyType))
            {
                Restore(property.GetValue(model));
            }
        }
    }

    /// <summary>The drafts' own parts (texts, photos, certificates) and lists of them; nothing of the framework's.</summary>
    private static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("IkmCatalog", StringComparison.Ordinal) == true
        || (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().All(IsOurs));
}
