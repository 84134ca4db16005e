using System.ComponentModel.DataAnnotations;
using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Accounts;

public sealed class NewAccountForm
{
    [Required(ErrorMessage = "validation.required")]
    [StringLength(100, ErrorMessage = "validation.max-length")]
    [Display(Name = "backoffice.accounts.name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "validation.required")]
    [EmailAddress(ErrorMessage = "validation.email")]
    [StringLength(256, ErrorMessage = "validation.max-length")]
    [Display(Name = "backoffice.accounts.email")]
    public string Email { get; set; } = "";

    [Display(Name = "backoffice.accounts.roles")]
    public List<string> Roles { get; set; } = [];

    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Display(Name = "backoffice.accounts.password")]
    public string Password { get; set; } = "";
}

public sealed class AccountDetailsForm
{
    [Required(ErrorMessage = "validation.required")]
    [StringLength(100, ErrorMessage = "validation.max-length")]
    [Display(Name = "backoffice.accounts.name")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "backoffice.accounts.roles")]
    public List<string> Roles { get; set; } = [];
}

public sealed class PasswordResetForm
{
    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Display(Name = "backoffice.accounts.new-password")]
    public string NewPassword { get; set; } = "";
}

public sealed record AccountRow(Editor Account, IReadOnlyList<string> Roles, bool Disabled, bool Locked);

public sealed record AccountListViewModel(IReadOnlyList<AccountRow> Accounts);

public sealed record AccountEditViewModel(AccountRow Row, bool IsSelf, AccountDetailsForm Details, PasswordResetForm Reset);

/// <summary>
/// Accounts of the office staff, for administrators: create, change name and roles, disable and enable, set a
/// new password. Every change that should end someone's sessions gives them a new security stamp; every change
/// is in the audit trail. An administrator cannot lock themself out (disable, or drop their own Admin role), so
/// the site always keeps one administrator who can sign in.
/// </summary>
[Route("backoffice/accounts")]
[Authorize(Roles = EditorRoles.Admin)]
public sealed class AccountsController(
    UserManager<Editor> users,
    SignInManager<Editor> signIn,
    IkmDbContext db,
    IStringLocalizer<UiStrings> text,
    TimeProvider clock) : BackofficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.ProducerId == null).OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await RolesByAccountAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return View(new AccountListViewModel([.. accounts.Select(a => Row(a, roles.GetValueOrDefault(a.Id) ?? [], now))]));
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new NewAccountForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewAccountForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Roles = KnownRoles(form.Roles, nameof(form.Roles));
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var email = form.Email.Trim();
        var result = await EditorAccounts.CreateAsync(users, email, form.DisplayName.Trim(), form.Password, form.Roles);
        if (!result.Succeeded)
        {
            AddErrors(result, passwordField: nameof(form.Password), accountField: nameof(form.Email));
            return View(form);
        }
        var account = (await users.FindByEmailAsync(email))!;
        await AccountAudit.RecordAsync(db, clock, "account-create", UserName, account);
        TempData["Notice"] = text["backoffice.accounts.created", email].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>An office account; producers' portal accounts are managed from their producer's portal access page, never here.</summary>
    private async Task<Editor?> StaffAsync(string id) => await users.FindByIdAsync(id) is { ProducerId: null } account ? account : null;

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var account = await StaffAsync(id);
        return account is null ? NotFound() : View(await EditModelAsync(account, null, null));
    }

    /// <summary>Display name and roles; a change of roles ends the person's sessions, so new rights apply at once.</summary>
    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, [Bind(Prefix = "Details")] AccountDetailsForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var account = await StaffAsync(id);
        if (account is null)
        {
            return NotFound();
        }
        form.Roles = KnownRoles(form.Roles, "Details.Roles");
        if (IsSelf(account) && !form.Roles.Contains(EditorRoles.Admin))
        {
            ModelState.AddModelError("Details.Roles", text["backoffice.accounts.own-admin"]);
        }
        if (!ModelState.IsValid)
        {
            return View(await EditModelAsync(account, form, null));
        }
        var name = form.DisplayName.Trim();
        if (account.DisplayName != name)
        {
            account.DisplayName = name;
            var renamed = await users.UpdateAsync(account);
            if (!renamed.Succeeded)
            {
                AddErrors(renamed, passwordField: "", accountField: "");
                return View(await EditModelAsync(account, form, null));
            }
            await AccountAudit.RecordAsync(db, clock, "account-update", UserName, account);
        }
        var current = await users.GetRolesAsync(account);
        var added = form.Roles.Except(current, StringComparer.Ordinal).ToList();
        var removed = current.Except(form.Roles, StringComparer.Ordinal).ToList();
        if (added.Count > 0 || removed.Count > 0)
        {
            var changed = added.Count > 0 ? await users.AddToRolesAsync(account, added) : IdentityResult.Success;
            if (changed.Succeeded && removed.Count > 0)
            {
                changed = await users.RemoveFromRolesAsync(account, removed);
            }
            if (!changed.Succeeded)
            {
                AddErrors(changed, passwordField: "", accountField: "");
                return View(await EditModelAsync(account, form, null));
            }
            await users.UpdateSecurityStampAsync(account); // Identity keeps the stamp when roles change
            if (IsSelf(account))
            {
                await signIn.RefreshSignInAsync(account); // an administrator changing their own roles stays signed in
            }
            await AccountAudit.RecordAsync(db, clock, "account-roles", UserName, account);
        }
        TempData["Notice"] = text["backoffice.accounts.saved"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Locked out for good and signed out everywhere; the account and its history stay.</summary>
    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable(string id)
    {
        var account = await StaffAsync(id);
        if (account is null)
        {
            return NotFound();
        }
        if (IsSelf(account))
        {
            ModelState.AddModelError("", text["backoffice.accounts.own-disable"]);
            return View(nameof(Edit), await EditModelAsync(account, null, null));
        }
        if (!await users.GetLockoutEnabledAsync(account))
        {
            await users.SetLockoutEnabledAsync(account, true);
        }
        var result = await users.SetLockoutEndDateAsync(account, AccountState.DisabledUntil);
        if (!result.Succeeded)
        {
            AddErrors(result, passwordField: "", accountField: "");
            return View(nameof(Edit), await EditModelAsync(account, null, null));
        }
        await users.UpdateSecurityStampAsync(account);
        await AccountAudit.RecordAsync(db, clock, "account-disable", UserName, account);
        TempData["Notice"] = text["backoffice.accounts.disabled-notice", account.Email ?? ""].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Lifts a disable or a lockout after failed sign-ins.</summary>
    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable(string id)
    {
        var account = await StaffAsync(id);
        if (account is null)
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        await AccountAudit.RecordAsync(db, clock, "account-enable", UserName, account);
        TempData["Notice"] = text["backoffice.accounts.enabled-notice", account.Email ?? ""].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>A password the administrator types (and hands over in person); the old one's sessions end.</summary>
    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, [Bind(Prefix = "Reset")] PasswordResetForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var account = await StaffAsync(id);
        if (account is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return View(nameof(Edit), await EditModelAsync(account, null, form));
        }
        // The reset token is made and used at once: the administrator's right to do this is the role, not an email.
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var result = await users.ResetPasswordAsync(account, token, form.NewPassword);
        if (!result.Succeeded)
        {
            AddErrors(result, passwordField: "Reset.NewPassword", accountField: "");
            return View(nameof(Edit), await EditModelAsync(account, null, form));
        }
        if (IsSelf(account))
        {
            await signIn.RefreshSignInAsync(account); // the administrator's own session goes on, the others end
        }
        await AccountAudit.RecordAsync(db, clock, "account-password-reset", UserName, account);
        TempData["Notice"] = text["backoffice.accounts.password-reset", account.Email ?? ""].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private bool IsSelf(Editor account) => users.GetUserId(User) == account.Id;

    /// <summary>Only the roles the site knows, each once, in the order the site lists them; at least one.</summary>
    private List<string> KnownRoles(IEnumerable<string>? roles, string field)
    {
        var chosen = (roles ?? []).ToHashSet(StringComparer.Ordinal);
        var known = EditorRoles.All.Where(chosen.Contains).ToList();
        if (known.Count == 0)
        {
            ModelState.AddModelError(field, text["backoffice.accounts.role-required"]);
        }
        return known;
    }

    /// <summary>Each refusal next to the field it is about; the same text only once.</summary>
    private void AddErrors(IdentityResult result, string passwordField, string accountField)
    {
        foreach (var error in result.Errors.DistinctBy(e => e.Description))
        {
            var field = LocalizedIdentityErrors.IsAboutPassword(error) ? passwordField
                : error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                    or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) ? accountField
                : "";
            ModelState.AddModelError(field, error.Description);
        }
    }

    private async Task<AccountEditViewModel> EditModelAsync(Editor account, AccountDetailsForm? details, PasswordResetForm? reset)
    {
        var roles = await users.GetRolesAsync(account);
        var ordered = EditorRoles.All.Where(roles.Contains).ToList();
        return new AccountEditViewModel(
            Row(account, ordered, clock.GetUtcNow()),
            IsSelf(account),
            details ?? new AccountDetailsForm { DisplayName = account.DisplayName, Roles = ordered },
            reset ?? new PasswordResetForm());
    }

    private async Task<Dictionary<string, List<string>>> RolesByAccountAsync(CancellationToken cancellationToken)
    {
        var pairs = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).AsNoTracking().ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(
            g => g.Key,
            g => EditorRoles.All.Where(r => g.Any(p => p.Name == r)).ToList());
    }

    private static AccountRow Row(Editor account, IReadOnlyList<string> roles, DateTimeOffset now) =>
        new(account, roles, AccountState.IsDisabled(account), AccountState.IsLocked(account, now));
}

/// <summary>Small helpers the account views share.</summary>
public static class AccountViews
{
    /// <summary>Every message for a field (a password can be refused for several reasons at once).</summary>
    public static string ErrorsFor(ModelStateDictionary modelState, string key) =>
        modelState is not null && modelState.TryGetValue(key, out var entry)
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : "";

    /// <summary>Key of a role's name in the UI strings.</summary>
    public static string RoleKey(string role) => "backoffice.role." + (role ?? "").ToLowerInvariant();
}

/// <summary>The role checkboxes of a form: the field they post to, the roles ticked, and a prefix for element ids.</summary>
public sealed record RoleChoice(string Field, IReadOnlyCollection<string> Chosen, string IdPrefix);
