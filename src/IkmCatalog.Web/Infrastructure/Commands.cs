using IkmCatalog.Backoffice;
using IkmCatalog.Web.Areas.Backoffice;
using Microsoft.AspNetCore.Identity;

namespace IkmCatalog.Web.Infrastructure;

/// <summary>
/// Operator commands run instead of the site: <c>dotnet run --project src/IkmCatalog.Web -- &lt;command&gt;</c>.
/// Each prepares the database first, does its work, prints what it did and returns an exit code.
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && Handlers.ContainsKey(args[0]);

    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> Handlers = new(StringComparer.Ordinal)
    {
        ["create-editor"] = CreateEditorAsync,
        ["reindex"] = (app, _) => Features.Search.ReindexCommand.RunAsync(app),
        ["backup"] = Operations.BackupCommands.BackupAsync,
        ["restore"] = Operations.BackupCommands.RestoreAsync,
    };

    /// <summary>A command that must run before migrations and seeding open the database (restore replaces it).</summary>
    public static bool RunsBeforeDatabase(string[] args) => args is ["restore", ..];

    public static Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        return Handlers[args[0]](app, args[1..]);
    }

    /// <summary>
    /// <c>create-editor &lt;email&gt; [role…]</c>: an account for office staff. The password is read from
    /// IKM_EDITOR_PASSWORD or, when that is empty, from standard input, so it never lands in shell history.
    /// </summary>
    private static async Task<int> CreateEditorAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || !args[0].Contains('@', StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"Usage: create-editor <email> [{string.Join("|", EditorRoles.All)} …]   (password from IKM_EDITOR_PASSWORD or standard input)");
            return 2;
        }
        var roles = args.Length > 1 ? args[1..] : [EditorRoles.Editor];
        var unknown = roles.Where(r => !EditorRoles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown role(s): {string.Join(", ", unknown)}. Roles: {string.Join(", ", EditorRoles.All)}.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("IKM_EDITOR_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password (at least 12 characters): ");
            password = Console.ReadLine();
        }
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password given.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        var result = await EditorAccounts.CreateAsync(users, args[0], args[0], password, roles);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"Created {args[0]} ({string.Join(", ", roles)}). Sign in at /backoffice/login.");
        return 0;
    }
}
