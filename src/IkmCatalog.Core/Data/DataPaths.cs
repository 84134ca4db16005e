namespace IkmCatalog.Data;

/// <summary>
/// Every path the application writes lives under one data folder (IkmCatalog:DataPath), so an operator
/// backs up, moves or mounts one directory.
/// </summary>
public sealed class DataPaths
{
    public DataPaths(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Database => Path.Combine(Root, "ikmcatalog.db");

    public string Index => Sub("index");

    public string Media => Sub("media");

    public string Cache => Sub("cache");

    public string Keys => Sub("keys");

    public string Mail => Sub("mail");

    /// <summary>Buyers' transfer receipts: private, never served as public media.</summary>
    public string Receipts => Sub("receipts");

    private string Sub(string name) => Path.Combine(Root, name);
}
