using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace IkmCatalog.Web.Views;

/// <summary>Paging links that keep every other query parameter (filters, sort) of the current URL.</summary>
public sealed record PagerModel(int Page, int PageCount, string Path, IQueryCollection Query)
{
    public string UrlFor(int page)
    {
        var query = new QueryBuilder(Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        if (page > 1)
        {
            query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return Path + query.ToQueryString();
    }
}
