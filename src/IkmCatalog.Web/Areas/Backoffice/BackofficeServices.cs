using IkmCatalog.Backoffice;
using IkmCatalog.Data;
using IkmCatalog.Web.Areas.Backoffice.Account;
using IkmCatalog.Web.Areas.Backoffice.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Areas.Backoffice;

/// <summary>The "IkmCatalog:Backoffice" section.</summary>
public sealed class BackofficeOptions
{
    public const string Section = "IkmCatalog:Backoffice";

    /// <summary>Failed sign-ins before an account is locked.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [System.ComponentModel.DataAnnotations.Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Hours after sign-in when a session ends, however active the person has been since.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 7)]
    public int AbsoluteSessionHours { get; set; } = 12;

    /// <summary>
    /// First administrator, created at start-up while no account exists (for automated set-ups; the
    /// <c>create-editor</c> command does the same by hand). The password comes from the environment or user
    /// secrets, never from a committed file.
    /// </summary>
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

public static class BackofficeServices
{
    public const string CultureCookie = "ikm.bo.lang";

    public static IHostApplicationBuilder AddBackoffice(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackofficeOptions>()
            .BindConfiguration(BackofficeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(BackofficeOptions.Section).Get<BackofficeOptions>() ?? new();

        builder.Services.AddIdentity<Editor, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedAccount = false;
                // ASVS 2.1: length, not composition; common passwords and the account's own name are refused
                // by CommonPasswordValidator, which also holds the 128-character ceiling.
                identity.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Password.RequiredUniqueChars = 1;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
            })
            .AddEntityFrameworkStores<IkmDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<EditorClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        // A producer's portal invitation is a password-reset token: it has to outlast a few days of waiting in an inbox.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(PortalAccess.ProducerPortalAccess.InvitationDays));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<PortalAccess.ProducerPortalAccess>();
        builder.Services.AddScoped<LocalizedIdentityErrors>(); // the validator's own refusals, beside Identity's
        builder.Services.AddSingleton<CommonPasswords>();
        builder.Services.AddSingleton<UnknownAccountSignIns>();
        builder.Services.AddScoped<Curation.CurationEmails>();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "ikm.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/backoffice";
            cookie.LoginPath = "/backoffice/login";
            cookie.LogoutPath = "/backoffice/logout";
            cookie.AccessDeniedPath = "/backoffice/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            SessionLifetime.Configure(cookie);
        });
        // Every request checks the security stamp (the backoffice is low traffic), so signing out, a changed
        // password, a disabled account or changed roles end every copy of the cookie at once.
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = SessionLifetime.KeepSignInTime;
        });

        builder.Services.AddAuthorization(authorization =>
        {
            // A portal account never opens an office page, whatever roles it may have been given.
            authorization.AddPolicy(BackofficePolicies.Office, policy => policy.RequireRole(EditorRoles.All)
                .RequireAssertion(context => !context.User.HasClaim(claim => claim.Type == ProducerClaims.ProducerId)));
            authorization.AddPolicy(BackofficePolicies.Producer, policy => policy.RequireRole(EditorRoles.Producer)
                .RequireClaim(ProducerClaims.ProducerId));
        });

        builder.Services.AddOptions<Content.ContentOptions>()
            .BindConfiguration(Content.ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<Content.ScheduledPublishing>();
        // Certificate expiry reminders to producers; a site that must not email producers (a copy, a test) turns them off.
        if (builder.Configuration.GetValue("IkmCatalog:Certificates:Reminders", defaultValue: true))
        {
            builder.Services.AddHostedService<Certificates.CertificateReminderJob>();
        }
        return builder;
    }

    /// <summary>Roles exist from the first start; the configured first administrator is created once.</summary>
    /// <param name="remindWhenNoAccount">Log how to create the first account when none exists (not while a command runs).</param>
    public static async Task PrepareBackofficeAsync(this WebApplication app, bool remindWhenNoAccount = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in EditorRoles.All.Append(EditorRoles.Producer))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        if (users.Users.Any())
        {
            return;
        }
        var options = scope.ServiceProvider.GetRequiredService<IOptions<BackofficeOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || string.IsNullOrWhiteSpace(options.AdminPassword))
        {
            if (!remindWhenNoAccount)
            {
                return;
            }
            app.Logger.LogWarning(
                "No backoffice account exists yet. Create one with `dotnet run --project src/IkmCatalog.Web -- create-editor <email> Admin` " +
                "or set IkmCatalog__Backoffice__AdminEmail and IkmCatalog__Backoffice__AdminPassword.");
            return;
        }
        var result = await EditorAccounts.CreateAsync(users, options.AdminEmail, options.AdminEmail, options.AdminPassword, [EditorRoles.Admin]);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The configured first administrator could not be created: "
                + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        app.Logger.LogInformation("Backoffice administrator {Email} created.", options.AdminEmail);
    }
}

public static class EditorAccounts
{
    public static async Task<IdentityResult> CreateAsync(UserManager<Editor> users, string email, string displayName, string password, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(users);
        var editor = new Editor
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAtUtc = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(editor, password);
        return result.Succeeded ? await users.AddToRolesAsync(editor, roles) : result;
    }
}
