using IkmCatalog.Data;
using IkmCatalog.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IkmCatalog.Web.Email;

public static class EmailServices
{
    /// <summary>
    /// The outbox (<see cref="EmailOutbox"/>), its sender on every node, and the transport: SMTP when
    /// IkmCatalog:Smtp:Host is set, otherwise .eml files in &lt;DataPath&gt;/mail.
    /// </summary>
    public static IHostApplicationBuilder AddEmailOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "IkmCatalog:Smtp:From is not an email address (e.g. \"Etalase IKM <noreply@disperindag.example.go.id>\").")
            .ValidateOnStart();
        builder.Services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Host)
                ? new PickupFolderMailTransport(sp.GetRequiredService<DataPaths>().Mail)
                : new SmtpMailTransport(options);
        });
        builder.Services.AddScoped<EmailOutbox>();
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddHostedService<OutboxDelivery>();
        return builder;
    }
}
