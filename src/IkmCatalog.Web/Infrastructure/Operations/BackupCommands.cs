namespace IkmCatalog.Web.Infrastructure.Operations;

/// <summary>
/// <c>backup &lt;file.tar.gz&gt;</c> and <c>restore &lt;file.tar.gz&gt; [--force]</c>. Settings other than the
/// file go in the environment or as <c>--Key=Value</c> (e.g. <c>--IkmCatalog:DataPath=/srv/ikm</c>).
/// </summary>
public static class BackupCommands
{
    public static async Task<int> BackupAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (FileArgument(args) is not { } file)
        {
            Console.Error.WriteLine("Usage: backup <file.tar.gz>");
            return 2;
        }
        return Report(await new SiteBackup(app.Services).BackupAsync(file));
    }

    /// <summary>Runs before migrations and seeding: the database it puts in place must be the first one opened.</summary>
    public static async Task<int> RestoreAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (FileArgument(args) is not { } file)
        {
            Console.Error.WriteLine("Usage: restore <file.tar.gz> [--force]   (--force replaces an existing database and media)");
            return 2;
        }
        var force = args.Contains("--force", StringComparer.Ordinal);
        return Report(await new SiteBackup(app.Services).RestoreAsync(file, force));
    }

    /// <summary>The one argument that is not an option; null when there is none or more than one.</summary>
    private static string? FileArgument(string[] args)
    {
        var files = args.Where(a => !a.StartsWith('-')).ToList();
        return files.Count == 1 ? files[0] : null;
    }

    private static int Report(BackupResult result)
    {
        (result.Succeeded ? Console.Out : Console.Error).WriteLine(result.Message);
        return result.Succeeded ? 0 : 1;
    }
}
