using System.ComponentModel.DataAnnotations;
using IkmCatalog.Backoffice;
using IkmCatalog.Content;
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

/// <summary>Sign-in with lockout after repeated failures, sign-out, and the backoffice language.</summary>
[Route("backoffice")]
public sealed class AccountController(
    SignInManager<Editor> signIn,
    UserManager<Editor> users,
    IStringLocalizer<UiStrings> text,
    TimeProvider clock) : BackofficeController
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
        // The same answer whether or not the account exists, so the form does not reveal who works here.
        var editor = await users.FindByEmailAsync(form.Email.Trim());
        if (editor is null)
        {
            ModelState.AddModelError("", text["backoffice.signin.failed"]);
            return View(form);
        }
        var result = await signIn.PasswordSignInAsync(editor, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(editor);
            var minutes = until is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 0;
            ModelState.AddModelError("", text["backoffice.signin.locked", minutes]);
            return View(form);
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", text["backoffice.signin.failed"]);
            return View(form);
        }
        editor.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
        // A language chosen on the sign-in page wins and becomes the account's; otherwise the account's applies.
        if (Request.Cookies[BackofficeServices.CultureCookie] is { } chosen)
        {
            editor.Culture = Cultures.Normalize(chosen);
        }
        await users.UpdateAsync(editor);
        BackofficeCulture.Remember(Response, editor.Culture);
        return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
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
