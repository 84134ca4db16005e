namespace IkmCatalog.Data;

/// <summary>
/// Every path the application writes lives under one data folder (IkmCatalog:DataPath), so an operator
/// backs up, moves or mounts one directory. With several nodes, what all of them must see (media originals,
/// transfer receipts) can live in a shared folder (IkmCatalog:SharedPath: a network share or shared disk), while
/// each node keeps its own index, variant cache and mail.
/// </summary>
public sealed class DataPaths
{
    public DataPaths(string root, string? sharedRoot = null)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        SharedRoot = string.IsNullOrWhiteSpace(sharedRoot) ? Root : Path.GetFullPath(sharedRoot);
        Directory.CreateDirectory(SharedRoot);
    }

    public string Root { get; }

    /// <summary>The folder shared by every node (the data folder itself unless IkmCatalog:SharedPath is set).</summary>
    public string SharedRoot { get; }

    /// <summary>True when media and receipts live outside this node's data folder.</summary>
    public bool IsShared => !string.Equals(SharedRoot, Root, StringComparison.Ordinal);

    public string Database => Path.Combine(Root, "ikmcatalog.db");

    public string Index => Sub("index");

    public string Media => Path.Combine(SharedRoot, "media");

    public string Cache => Sub("cache");

    public string Keys => Sub("keys");

    public string Mail => Sub("mail");

    /// <summary>Buyers' transfer receipts: private, never served as public media.</summary>
    public string Receipts => Path.Combine(SharedRoot, "receipts");

    private string Sub(string name) => Path.Combine(Root, name);
}
