using System.ComponentModel.DataAnnotations;

namespace IkmCatalog.Email;

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
}

/// <summary>The "IkmCatalog:Smtp" section. Without a host, mail is written as .eml files to &lt;DataPath&gt;/mail.</summary>
public sealed class SmtpOptions
{
    public const string Section = "IkmCatalog:Smtp";

    /// <summary>The SMTP server; empty writes every message to the pickup folder instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Signs in when set (from the environment or user secrets, never a committed file).</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    [Required]
    public string From { get; set; } = "Etalase IKM <noreply@localhost>";

    /// <summary>How often each node looks for due messages.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
