namespace IkmCatalog.Search;

/// <summary>The "IkmCatalog:Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "IkmCatalog:Search";

    /// <summary>This node's name in the SearchNodes table; empty: machine name plus a hash of the data folder.</summary>
    public string? NodeName { get; set; }

    /// <summary>How often the node looks for new journal entries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A node this many entries behind rebuilds instead of replaying them one by one.</summary>
    public int MaxLag { get; set; } = 5000;

    /// <summary>Journal entries older than this are deleted; a node offline for longer rebuilds when it returns.</summary>
    public TimeSpan JournalRetention { get; set; } = TimeSpan.FromDays(7);
}
