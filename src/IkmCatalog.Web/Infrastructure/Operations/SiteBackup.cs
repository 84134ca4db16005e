using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using IkmCatalog.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IkmCatalog.Web.Infrastructure.Operations;

/// <summary>What a backup archive holds besides the files: read first on restore.</summary>
public sealed record BackupManifest(
    int Format, string Application, DateTime CreatedAtUtc, string Provider, string? LastMigration,
    int Products, int Producers, int MediaItems, int Files, long FileBytes)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
}

/// <summary>The outcome of a backup or restore, with what to tell the operator.</summary>
public sealed record BackupResult(bool Succeeded, string Message, BackupManifest? Manifest = null);

/// <summary>
/// One .tar.gz archive holding everything a site needs to come back: the database (SQLite: an online copy;
/// PostgreSQL: pg_dump's custom format), the media originals, buyers' receipts, the keys folder (data-protection keys,
/// the image signing key) and the editors' synonyms file, with a manifest. The search index and resized images are
/// left out: a restored node rebuilds them from the database.
/// </summary>
public sealed class SiteBackup(IServiceProvider services)
{
    private const string DatabaseFolder = "database";
    private const string SqliteEntry = DatabaseFolder + "/ikmcatalog.db";
    private const string PostgreSqlEntry = DatabaseFolder + "/ikmcatalog.pgdump";
    private const string SynonymsEntry = "search/synonyms.txt";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private DataPaths Paths => services.GetRequiredService<DataPaths>();

    /// <summary>The data-folder parts copied as they are (archive folder → folder on disk).</summary>
    private IEnumerable<(string Entry, string Folder)> Folders =>
    [
        ("media", Paths.Media),
        ("receipts", Paths.Receipts),
        ("keys", Paths.Keys),
    ];

    private string SynonymsFile => Path.Combine(Paths.Root, "search", "synonyms.txt");

    public async Task<BackupResult> BackupAsync(string archivePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        archivePath = Path.GetFullPath(archivePath);
        var staging = Directory.CreateTempSubdirectory("ikm-backup-").FullName;
        var partial = archivePath + ".partial";
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            var provider = db.Database.IsNpgsql() ? "PostgreSQL" : "Sqlite";

            // The database first: files added later (an upload during the backup) are at worst unused, never missing.
            string databaseEntry, databaseCopy;
            if (provider == "Sqlite")
            {
                (databaseEntry, databaseCopy) = (SqliteEntry, Path.Combine(staging, "ikmcatalog.db"));
                CopySqlite(db.Database.GetConnectionString()!, databaseCopy);
            }
            else
            {
                (databaseEntry, databaseCopy) = (PostgreSqlEntry, Path.Combine(staging, "ikmcatalog.pgdump"));
                var dumped = await RunPostgreSqlToolAsync("pg_dump", db.Database.GetConnectionString()!,
                    ["--format=custom", "--no-owner", "--no-privileges", $"--file={databaseCopy}"], cancellationToken);
                if (dumped is not null)
                {
                    return new BackupResult(false, dumped);
                }
            }

            var files = FilesToBackUp().ToList();
            var manifest = new BackupManifest(
                BackupManifest.CurrentFormat, ApplicationVersion(), DateTime.UtcNow, provider,
                (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault(),
                await db.Products.CountAsync(cancellationToken), await db.Producers.CountAsync(cancellationToken),
                await db.Media.CountAsync(cancellationToken), files.Count, files.Sum(f => new FileInfo(f.Path).Length));

            Directory.CreateDirectory(Path.GetDirectoryName(archivePath)!);
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false))
            {
                using var manifestData = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
                await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName) { DataStream = manifestData }, cancellationToken);
                await tar.WriteEntryAsync(databaseCopy, databaseEntry, cancellationToken);
                foreach (var (entry, path) in files)
                {
                    try
                    {
                        await tar.WriteEntryAsync(path, entry, cancellationToken);
                    }
                    catch (FileNotFoundException)
                    {
                        // Deleted since it was listed (an image replaced during the backup): the database copy no longer needs it.
                    }
                }
            }
            File.Move(partial, archivePath, overwrite: true);
            return new BackupResult(true,
                $"Backed up the {provider} database ({manifest.Products} products, {manifest.Producers} producers, {manifest.MediaItems} media items) " +
                $"and {manifest.Files} files ({manifest.FileBytes:N0} bytes) to {archivePath}.", manifest);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Puts an archive's database and files in place of this site's. Refuses a site that already has a database or
    /// media unless <paramref name="force"/>; the search index and resized images are removed, to be rebuilt at start.
    /// Run it with the site stopped (every node, with PostgreSQL).
    /// </summary>
    public async Task<BackupResult> RestoreAsync(string archivePath, bool force, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        archivePath = Path.GetFullPath(archivePath);
        if (!File.Exists(archivePath))
        {
            return new BackupResult(false, $"No backup at {archivePath}.");
        }
        var paths = Paths;
        string provider, connectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IkmDbContext>();
            provider = db.Database.IsNpgsql() ? "PostgreSQL" : "Sqlite";
            connectionString = db.Database.GetConnectionString()!;
            if (provider == "PostgreSQL" && db.GetService<IRelationalDatabaseCreator>() is { } creator && !await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken); // an empty database for pg_restore to fill
            }
            if (!force)
            {
                var hasDatabase = (provider != "Sqlite" || File.Exists(paths.Database))
                    && (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
                if (hasDatabase || HasFiles(paths.Media))
                {
                    return new BackupResult(false,
                        $"This site already has {(hasDatabase ? "a database" : "media files")} ({paths.Root}). Restore into an empty data folder " +
                        "(and an empty PostgreSQL database), or add --force to replace what is there.");
                }
            }
        }

        // Unpacked beside the data it replaces (same disk, so the folders are moved, not copied, into place).
        var staging = Path.Combine(paths.Root, $".restore-{Guid.NewGuid():N}");
        try
        {
            var unpacked = await UnpackAsync(archivePath, staging, cancellationToken);
            if (unpacked is not null)
            {
                return new BackupResult(false, unpacked);
            }
            var manifestPath = Path.Combine(staging, BackupManifest.EntryName);
            var manifest = File.Exists(manifestPath)
                ? JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllBytesAsync(manifestPath, cancellationToken), Json)
                : null;
            if (manifest is null || manifest.Format != BackupManifest.CurrentFormat)
            {
                return new BackupResult(false, $"{archivePath} is not a backup this version can restore (no manifest of format {BackupManifest.CurrentFormat}).");
            }
            if (!string.Equals(manifest.Provider, provider, StringComparison.OrdinalIgnoreCase))
            {
                return new BackupResult(false,
                    $"The backup holds a {manifest.Provider} database but this site is configured for {provider} (IkmCatalog:Database:Provider).");
            }

            if (provider == "Sqlite")
            {
                var copy = Path.Combine(staging, SqliteEntry);
                if (!File.Exists(copy))
                {
                    return new BackupResult(false, $"{archivePath} has no database.");
                }
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(paths.Database + suffix);
                }
                File.Move(copy, paths.Database);
            }
            else
            {
                var dump = Path.Combine(staging, PostgreSqlEntry);
                if (!File.Exists(dump))
                {
                    return new BackupResult(false, $"{archivePath} has no database.");
                }
                var restored = await RunPostgreSqlToolAsync("pg_restore", connectionString,
                    ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", dump], cancellationToken);
                if (restored is not null)
                {
                    return new BackupResult(false, restored);
                }
            }

            foreach (var (entry, folder) in Folders)
            {
                DeleteFolder(folder);
                var unpackedFolder = Path.Combine(staging, entry);
                if (Directory.Exists(unpackedFolder))
                {
                    Directory.Move(unpackedFolder, folder);
                }
            }
            if (File.Exists(SynonymsFile))
            {
                File.Delete(SynonymsFile);
            }
            var synonyms = Path.Combine(staging, SynonymsEntry);
            if (File.Exists(synonyms))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(SynonymsFile)!);
                File.Move(synonyms, SynonymsFile);
            }
            // Made from the database at the next start: an index or an image variant from before would not match it.
            DeleteFolder(paths.Index);
            DeleteFolder(Path.Combine(paths.Cache, "media"));
            return new BackupResult(true,
                $"Restored the {manifest.Provider} database of {manifest.CreatedAtUtc:u} ({manifest.Products} products, {manifest.Producers} producers, " +
                $"{manifest.MediaItems} media items) and {manifest.Files} files into {paths.Root}. The search index is rebuilt at the next start.", manifest);
        }
        finally
        {
            DeleteFolder(staging);
        }
    }

    private IEnumerable<(string Entry, string Path)> FilesToBackUp()
    {
        foreach (var (entry, folder) in Folders)
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (file.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    continue; // an upload being written
                }
                yield return ($"{entry}/{Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')}", file);
            }
        }
        if (File.Exists(SynonymsFile))
        {
            yield return (SynonymsEntry, SynonymsFile);
        }
    }

    /// <summary>Unpacks regular files under the expected folders only; returns an error, or null.</summary>
    private static async Task<string?> UnpackAsync(string archivePath, string staging, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(staging);
        var root = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
        string[] expected = [BackupManifest.EntryName, DatabaseFolder, "media", "receipts", "keys", "search"];
        try
        {
            await using var input = File.OpenRead(archivePath);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is TarEntryType.Directory)
                {
                    continue;
                }
                var target = Path.GetFullPath(Path.Combine(staging, entry.Name));
                var first = entry.Name.Split('/')[0];
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                    || !target.StartsWith(root, StringComparison.Ordinal) || !expected.Contains(first, StringComparer.Ordinal))
                {
                    return $"{archivePath} holds an entry a backup never has ({entry.Name}); nothing was restored.";
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await entry.ExtractToFileAsync(target, overwrite: false, cancellationToken);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            return $"{archivePath} is not a readable .tar.gz backup ({e.Message}); nothing was restored.";
        }
        return null;
    }

    /// <summary>An online copy of a SQLite database (readers and writers go on meanwhile).</summary>
    private static void CopySqlite(string connectionString, string target)
    {
        using var source = new SqliteConnection(connectionString);
        source.Open();
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            copy.Open();
            source.BackupDatabase(copy);
        }
    }

    /// <summary>Runs pg_dump or pg_restore against the configured database; returns an error, or null.</summary>
    private static async Task<string?> RunPostgreSqlToolAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (settings.Host is { } host)
        {
            start.ArgumentList.Add($"--host={host}");
        }
        start.ArgumentList.Add($"--port={settings.Port}");
        if (settings.Username is { } user)
        {
            start.ArgumentList.Add($"--username={user}");
        }
        start.ArgumentList.Add($"--dbname={settings.Database ?? settings.Username}");
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The password goes through the environment, never the command line (which other users can list).
        if (settings.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{tool} was not found on PATH. Install PostgreSQL's client tools (postgresql-client, the server's major version or newer) " +
                "or back the database up with your own PostgreSQL tools.";
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? null : $"{tool} failed (exit code {process.ExitCode}): {(await error).Trim()}";
        }
    }

    private static bool HasFiles(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any();

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string ApplicationVersion() =>
        typeof(SiteBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SiteBackup).Assembly.GetName().Version?.ToString() ?? "unknown";
}
