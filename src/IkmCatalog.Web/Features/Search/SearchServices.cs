using IkmCatalog.Data;
using IkmCatalog.Search;
using IkmCatalog.Web.Infrastructure.NodeJournal;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Features.Search;

public static class SearchServices
{
    /// <summary>The search engine over this node's index, the journal follower that keeps it in step, and the synonym list.</summary>
    public static IHostApplicationBuilder AddIkmSearch(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.MaxLag > 0, "IkmCatalog:Search needs a positive PollInterval and MaxLag.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => SearchNodeName.For(sp.GetRequiredService<IOptions<SearchOptions>>().Value.NodeName, sp.GetRequiredService<DataPaths>().Root));
        builder.Services.AddSingleton(sp => new SearchIndex(sp.GetRequiredService<DataPaths>().Index, sp.GetRequiredService<ILogger<SearchIndex>>()));
        builder.Services.AddSingleton(_ => new SearchSynonyms(SearchSynonyms.ShippedFile));
        // The editors' synonyms live in the database: loaded at start, reloaded on every node when saved.
        builder.Services.AddHostedService<SynonymsLoader>();
        builder.Services.AddSingleton<INodeJournalHandler, SynonymsJournalHandler>();
        builder.Services.AddSingleton<CatalogSearch>();
        builder.Services.AddScoped<SearchIndexer>();
        // Every content change is journalled for the search nodes in the transaction that makes it.
        builder.Services.AddSingleton<IkmCatalog.Content.IContentChangeHandler, SearchJournalHandler>();
        // One follower of the node journal per node: the search index first, then every INodeJournalHandler.
        builder.Services.AddSingleton<NodeJournalFollower>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NodeJournalFollower>());
        return builder;
    }
}
