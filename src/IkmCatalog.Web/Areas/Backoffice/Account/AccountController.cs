using System.ComponentModel.DataAnnotations;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
using IkmCatalog.Data;
using IkmCatalog.Web.Areas.Backoffice.Accounts;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Account;

public sealed class SignInForm
{
    [Required(ErrorMessage = "validation.required")]
    [EmailAddress(ErrorMessage = "validation.email")]
    [Display(Name = "backoffice.signin.email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Display(Name = "backoffice.signin.password")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class OwnPasswordForm
{
    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Display(Name = "backoffice.password.current")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Display(Name = "backoffice.password.new")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "backoffice.password.confirm-mismatch")]
    [Display(Name = "backoffice.password.confirm")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Sign-in with lockout after repeated failures, sign-out, one's own password, and the backoffice language.</summary>
[Route("backoffice")]
public sealed class AccountController(
    SignInManager<Editor> signIn,
    UserManager<Editor> users,
    UnknownAccountSignIns unknownAccounts,
    IStringLocalizer<UiStrings> text,
    TimeProvider clock) : SignedInController
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        View(new SignInForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(SignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        // Every answer costs one password hash and reads the same whether or not the account exists, so neither
        // the text nor the time of the answer reveals who works here.
        var email = form.Email.Trim();
        var editor = await users.FindByEmailAsync(email);
        if (editor is null || AccountState.IsDisabled(editor))
        {
            return await RefuseWithoutAccountAsync(form, email, editor);
        }
        if (await users.IsLockedOutAsync(editor))
        {
            unknownAccounts.SpendHashingTime(form.Password); // Identity answers a locked account without hashing
            return await LockedAsync(form, editor);
        }
        SessionLifetime.MarkFreshSignIn(HttpContext);
        var result = await signIn.PasswordSignInAsync(editor, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return await LockedAsync(form, editor);
        }
        if (!result.Succeeded)
        {
            return Failed(form);
        }
        editor.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
        // A language chosen on the sign-in page wins and becomes the account's; otherwise the account's applies.
        if (Request.Cookies[BackofficeServices.CultureCookie] is { } chosen)
        {
            editor.Culture = Cultures.Normalize(chosen);
        }
        await users.UpdateAsync(editor);
        BackofficeCulture.Remember(Response, editor.Culture);
        // A producer's account opens its portal; the office's pages would only refuse it.
        return LocalRedirect(editor.ProducerId is null ? SafeReturnUrl(form.ReturnUrl) : PortalReturnUrl(form.ReturnUrl));
    }

    private string PortalReturnUrl(string? returnUrl)
    {
        var safe = SafeReturnUrl(returnUrl);
        return safe.Split('?')[0].StartsWith("/backoffice/portal", StringComparison.Ordinal) ? safe : "/backoffice/portal";
    }

    /// <summary>
    /// No account, or a disabled one: the same hashing and the same answers as for a real account, failures
    /// counted in memory so that the fifth brings the same lockout message. Only the right password of a disabled
    /// account learns that it is disabled.
    /// </summary>
    private async Task<IActionResult> RefuseWithoutAccountAsync(SignInForm form, string email, Editor? disabled)
    {
        if (unknownAccounts.LockedFor(email) is { } left)
        {
            unknownAccounts.SpendHashingTime(form.Password);
            return Locked(form, left);
        }
        bool rightPassword;
        if (disabled is null)
        {
            unknownAccounts.SpendHashingTime(form.Password);
            rightPassword = false;
        }
        else
        {
            rightPassword = await users.CheckPasswordAsync(disabled, form.Password);
        }
        if (rightPassword)
        {
            ModelState.AddModelError("", text["backoffice.signin.disabled"]);
            return View(form);
        }
        return unknownAccounts.Fail(email) is { } locked ? Locked(form, locked) : Failed(form);
    }

    private ViewResult Failed(SignInForm form)
    {
        ModelState.AddModelError("", text["backoffice.signin.failed"]);
        return View(form);
    }

    private async Task<ViewResult> LockedAsync(SignInForm form, Editor editor) =>
        Locked(form, await users.GetLockoutEndDateAsync(editor) is { } end ? end - clock.GetUtcNow() : TimeSpan.Zero);

    private ViewResult Locked(SignInForm form, TimeSpan left)
    {
        ModelState.AddModelError("", text["backoffice.signin.locked", Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))]);
        return View(form);
    }

    /// <summary>Ends this session and, through a new security stamp, every copy of its cookie too.</summary>
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } editor)
        {
            await users.UpdateSecurityStampAsync(editor);
        }
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("password")]
    public IActionResult Password() => View(new OwnPasswordForm());

    /// <summary>
    /// Changes one's own password: sessions elsewhere end (new security stamp), this one goes on. Rate-limited
    /// like sign-in, since the current password is guessed here too.
    /// </summary>
    [HttpPost("password")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Password(OwnPasswordForm form, [FromServices] IkmDbContext db)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(db);
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        if (await users.GetUserAsync(User) is not { } editor)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(editor, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword)
                    : LocalizedIdentityErrors.IsAboutPassword(error) ? nameof(form.NewPassword)
                    : "";
                ModelState.AddModelError(field, error.Description);
            }
            return View(form);
        }
        await signIn.RefreshSignInAsync(editor);
        await AccountAudit.RecordAsync(db, clock, "account-password-change", UserName, editor);
        TempData["Notice"] = text["backoffice.password.changed"].Value;
        return RedirectToAction(nameof(Password));
    }

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>Switches the backoffice language (the sign-in page too) and remembers it on the account.</summary>
    [AllowAnonymous]
    [HttpPost("language")]
    public async Task<IActionResult> Language(string culture, string? returnUrl)
    {
        culture = Cultures.Normalize(culture);
        if (await users.GetUserAsync(User) is { } editor)
        {
            editor.Culture = culture;
            await users.UpdateAsync(editor);
        }
        BackofficeCulture.Remember(Response, culture);
        return LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>Only backoffice pages of this site: never an open redirect to elsewhere.</summary>
    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && BackofficeCulture.IsBackofficePath(returnUrl.Split('?')[0])
            ? returnUrl
            : "/backoffice";
}
