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

    /// <summary>
    /// How long a node waits for a missing journal id before it moves past it. Ids are handed out when a save starts
    /// but become visible when it commits, so a lower id may still appear after a higher one was read; an id still
    /// missing after this long belongs to a save that was rolled back.
    /// </summary>
    public TimeSpan JournalGapGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Journal entries older than this are deleted; a node offline for longer rebuilds when it returns.</summary>
    public TimeSpan JournalRetention { get; set; } = TimeSpan.FromDays(7);
}
