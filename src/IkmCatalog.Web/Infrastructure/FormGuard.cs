using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Infrastructure;

/// <summary>The "IkmCatalog:Spam" section: how public forms tell people from robots without a remote CAPTCHA.</summary>
public sealed class SpamOptions
{
    public const string Section = "IkmCatalog:Spam";

    /// <summary>A person needs at least this long to fill a form; robots post at once.</summary>
    public int MinFillSeconds { get; set; } = 3;

    /// <summary>A form older than this is refused (and shown again, filled, with a fresh stamp).</summary>
    public int MaxFormAgeHours { get; set; } = 24;

    /// <summary>Submissions of one kind (inquiries, orders) per network address and hour.</summary>
    public int PerAddressPerHour { get; set; } = 10;

    /// <summary>Submissions of one kind per email address and day.</summary>
    public int PerEmailPerDay { get; set; } = 10;
}

public enum GuardVerdict
{
    Accepted,
    /// <summary>The hidden field people never see was filled in.</summary>
    Honeypot,
    /// <summary>Sent faster than a person types.</summary>
    TooFast,
    /// <summary>The form's stamp is missing, forged or too old.</summary>
    Stale,
}

/// <summary>
/// The robot checks every public form shares: a honeypot field and a signed stamp of when the form was shown.
/// Forms render both with the <c>_FormGuard</c> partial; the controller calls <see cref="Check"/> and, when refused,
/// shows the form again with everything typed kept and <see cref="MessageKey"/> explaining what to do.
/// Per-address and per-email limits are counted by each feature over its own rows (<see cref="SpamOptions"/>).
/// </summary>
public sealed class FormGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<SpamOptions> options)
{
    /// <summary>The honeypot's field name: a plausible one, so form-filling robots fill it.</summary>
    public const string HoneypotField = "website";

    public const string StampField = "form_stamp";

    // An envelope protector: a stamp is made on every view of a page with a form, cached or not. Each stamp differs
    // (its nonce does), and stamps sealed by the key ring itself, before envelopes, still read.
    private readonly EnvelopeProtector _protector = new(protection.CreateProtector("IkmCatalog.FormGuard.v1"), clock);

    public SpamOptions Options => options.Value;

    /// <summary>A signed stamp of now, for the form being shown.</summary>
    public string NewStamp() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public GuardVerdict Check(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!string.IsNullOrEmpty(form[HoneypotField]))
        {
            return GuardVerdict.Honeypot;
        }
        var stamp = form[StampField].ToString();
        long ticks;
        try
        {
            if (stamp.Length == 0 || !long.TryParse(_protector.Unprotect(stamp), System.Globalization.CultureInfo.InvariantCulture, out ticks))
            {
                return GuardVerdict.Stale;
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return GuardVerdict.Stale;
        }
        var age = clock.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc);
        if (age < TimeSpan.FromSeconds(Options.MinFillSeconds))
        {
            return GuardVerdict.TooFast;
        }
        return age > TimeSpan.FromHours(Options.MaxFormAgeHours) ? GuardVerdict.Stale : GuardVerdict.Accepted;
    }

    /// <summary>The UI string key that tells a person what happened and what to do.</summary>
    public static string MessageKey(GuardVerdict verdict) => verdict switch
    {
        GuardVerdict.Honeypot => "form.refused.honeypot",
        GuardVerdict.TooFast => "form.refused.too-fast",
        GuardVerdict.Stale => "form.refused.stale",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    /// <summary>The key for "too many submissions from you for now".</summary>
    public const string TooManyKey = "form.refused.too-many";
}
