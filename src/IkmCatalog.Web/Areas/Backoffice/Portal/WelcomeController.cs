using System.ComponentModel.DataAnnotations;
using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Web.Areas.Backoffice.Accounts;
using IkmCatalog.Web.Infrastructure;
using IkmCatalog.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace IkmCatalog.Web.Areas.Backoffice.Portal;

public sealed class WelcomeForm
{
    public string Account { get; set; } = "";

    public string Token { get; set; } = "";

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

/// <summary>
/// The page an invitation links to: a producer's portal account chooses its password (the link carries a
/// password-reset token), then signs in like everyone else.
/// </summary>
[Route("backoffice/portal/welcome")]
[AllowAnonymous]
public sealed class WelcomeController(UserManager<Editor> users, IkmDbContext db, IStringLocalizer<UiStrings> text, TimeProvider clock) : SignedInController
{
    private const string ViewPath = "~/Areas/Backoffice/Portal/Welcome.cshtml";

    [HttpGet("")]
    public IActionResult Index(string? account, string? token) =>
        View(ViewPath, new WelcomeForm { Account = account ?? "", Token = token ?? "" });

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Index(WelcomeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View(ViewPath, form);
        }
        var account = string.IsNullOrEmpty(form.Account) ? null : await users.FindByIdAsync(form.Account);
        if (account is null || account.ProducerId is null || AccountState.IsDisabled(account))
        {
            // The same answer as a wrong or used token: the link reveals nothing about accounts.
            ModelState.AddModelError("", text["portal.welcome.invalid-link"]);
            return View(ViewPath, form);
        }
        var result = await users.ResetPasswordAsync(account, form.Token, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors.DistinctBy(e => e.Description))
            {
                if (error.Code == nameof(IdentityErrorDescriber.InvalidToken))
                {
                    ModelState.AddModelError("", text["portal.welcome.invalid-link"]);
                }
                else
                {
                    ModelState.AddModelError(LocalizedIdentityErrors.IsAboutPassword(error) ? nameof(form.NewPassword) : "", error.Description);
                }
            }
            return View(ViewPath, form);
        }
        await AccountAudit.RecordAsync(db, clock, "portal-password-set", account.Email ?? "", account);
        TempData["Notice"] = text["portal.welcome.done"].Value;
        return Redirect("/backoffice/login?ReturnUrl=%2Fbackoffice%2Fportal");
    }
}
