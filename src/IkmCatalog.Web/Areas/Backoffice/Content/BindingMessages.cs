using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IkmCatalog.Web.Areas.Backoffice.Content;

/// <summary>
/// Model binding's own messages (a word in a number field…) in the reader's language. A blank field is never
/// unreadable: MVC's implicit "required" for non-nullable properties (an empty slug, an unchosen producer) is
/// dropped, and the draft's own rules decide whether blank is allowed, with their own messages.
/// </summary>
public static class BindingMessages
{
    public static void Localize(ModelStateDictionary modelState, string unreadable)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var (key, entry) in modelState.ToList())
        {
            if (entry is null || entry.Errors.Count == 0)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(entry.AttemptedValue))
            {
                modelState.Remove(key);
                continue;
            }
            entry.Errors.Clear();
            entry.Errors.Add(unreadable);
        }
    }
}
