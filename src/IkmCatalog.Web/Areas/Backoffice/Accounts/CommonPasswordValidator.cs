using System.Collections.Frozen;
using IkmCatalog.Backoffice;
using Microsoft.AspNetCore.Identity;

namespace IkmCatalog.Web.Areas.Backoffice.Accounts;

/// <summary>
/// The list in common-passwords.txt (embedded), read once. Compared lower-cased: changing the case of a listed
/// password does not make it any less guessable.
/// </summary>
public sealed class CommonPasswords
{
    public const string ResourceName = "common-passwords.txt";

    private readonly FrozenSet<string> _passwords;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded list {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.ToLowerInvariant());
            }
        }
        _passwords = passwords.ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _passwords.Count;

    public IEnumerable<string> All => _passwords;

    public bool Contains(string password) => _passwords.Contains((password ?? "").ToLowerInvariant());
}

/// <summary>
/// The rules Identity's own validator does not know (ASVS 2.1): at most 128 characters, not a commonly used
/// password, not one character repeated, and not the account's own email or user name (lower-cased, also as part
/// of a longer password). The minimum length stays with Identity's validator; there are no composition rules.
/// </summary>
public sealed class CommonPasswordValidator(CommonPasswords common, LocalizedIdentityErrors errors) : IPasswordValidator<Editor>
{
    public const int MinimumLength = 12;

    public const int MaximumLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<Editor> manager, Editor user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success); // too short: Identity's validator says so
        }
        var refusals = new List<IdentityError>();
        if (password.Length > MaximumLength)
        {
            refusals.Add(errors.PasswordTooLong(MaximumLength));
        }
        var lower = password.ToLowerInvariant();
        if (lower.All(c => c == lower[0]))
        {
            refusals.Add(errors.PasswordRepeatsOneCharacter());
        }
        else if (common.Contains(lower))
        {
            refusals.Add(errors.PasswordTooCommon());
        }
        if (new[] { user.Email, user.UserName }.Any(name => !string.IsNullOrWhiteSpace(name) && lower.Contains(name.Trim().ToLowerInvariant(), StringComparison.Ordinal)))
        {
            refusals.Add(errors.PasswordContainsAccountName());
        }
        return Task.FromResult(refusals.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. refusals]));
    }
}
