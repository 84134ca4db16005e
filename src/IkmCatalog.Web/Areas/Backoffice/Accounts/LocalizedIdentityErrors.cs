using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Accounts;

/// <summary>
/// Identity's refusals in the reader's language (UI strings <c>account.error.*</c>), plus the ones of
/// <see cref="CommonPasswordValidator"/>. Codes stay Identity's, so code can still tell the errors apart.
/// </summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<UiStrings> text) : IdentityErrorDescriber
{
    public const string PasswordTooLongCode = "PasswordTooLong";
    public const string PasswordTooCommonCode = "PasswordTooCommon";
    public const string PasswordRepeatsOneCharacterCode = "PasswordRepeatsOneCharacter";
    public const string PasswordContainsAccountNameCode = "PasswordContainsAccountName";

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "account.error.default");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "account.error.concurrency");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "account.error.password-mismatch");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "account.error.invalid-token");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "account.error.recovery-code");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "account.error.login-already-associated");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "account.error.invalid-user-name", userName ?? "");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "account.error.invalid-email", email ?? "");

    // User names are email addresses here: one message for both, so a form shows it once.
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "account.error.duplicate-email", userName);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "account.error.duplicate-email", email);

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "account.error.invalid-role", role ?? "");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "account.error.duplicate-role", role);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "account.error.user-already-has-password");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "account.error.user-lockout-not-enabled");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "account.error.user-already-in-role", role);

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "account.error.user-not-in-role", role);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "account.error.password-too-short", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "account.error.password-requires-unique-chars", uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "account.error.password-requires-non-alphanumeric");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "account.error.password-requires-digit");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "account.error.password-requires-lower");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "account.error.password-requires-upper");

    public IdentityError PasswordTooLong(int length) => Error(PasswordTooLongCode, "account.error.password-too-long", length);

    public IdentityError PasswordTooCommon() => Error(PasswordTooCommonCode, "account.error.password-common");

    public IdentityError PasswordRepeatsOneCharacter() => Error(PasswordRepeatsOneCharacterCode, "account.error.password-repeated");

    public IdentityError PasswordContainsAccountName() => Error(PasswordContainsAccountNameCode, "account.error.password-contains-account");

    /// <summary>Whether an error is about the password typed (shown next to that field) rather than the account.</summary>
    public static bool IsAboutPassword(IdentityError error) =>
        error?.Code.StartsWith("Password", StringComparison.Ordinal) == true && error.Code != nameof(PasswordMismatch);

    private IdentityError Error(string code, string key, params object[] arguments) =>
        new() { Code = code, Description = text[key, arguments] };
}
