using IkmCatalog.Content;
using IkmCatalog.Inquiries;

namespace IkmCatalog.Web.Areas.Backoffice.Inquiries;

// The detail page's forms as typed: text until checked, so an unreadable number or date gets our own message
// next to the field instead of the framework's English one.

public sealed class AssignForm
{
    public string? AssigneeId { get; set; }
}

public sealed class ForwardForm
{
    public string? ProducerId { get; set; }

    /// <summary>A few words from the officer to the producer, added to the email.</summary>
    public string? Note { get; set; }
}

public sealed class QuoteForm
{
    public string? Price { get; set; }

    public string? Currency { get; set; }

    public string? PriceUnit { get; set; }

    public string? Incoterm { get; set; }

    /// <summary>yyyy-MM-dd, an office date.</summary>
    public string? ValidUntil { get; set; }

    public string? LeadTimeDays { get; set; }

    public string? Note { get; set; }
}

public sealed class MessageForm
{
    public string? Body { get; set; }
}

public sealed class StatusForm
{
    /// <summary>"won", "lost", "closed" or "reopen".</summary>
    public string? Next { get; set; }
}

public sealed record Officer(string Id, string Name);

public sealed record ProducerChoice(int Id, string Name, string? Email, string? WhatsApp);

public sealed record InquiryDetailViewModel(
    Inquiry Inquiry,
    string? AssignedTo,
    IReadOnlyList<Officer> Officers,
    IReadOnlyList<ProducerChoice> LineProducers,
    IReadOnlyList<ProducerChoice> OtherProducers,
    IReadOnlyDictionary<int, string> ProductLinks,
    IReadOnlyList<AuditEntry> History,
    OfficeTime Time)
{
    public AssignForm Assign { get; init; } = new();

    public ForwardForm Forward { get; init; } = new();

    public QuoteForm Quote { get; init; } = new();

    public MessageForm Reply { get; init; } = new();

    public MessageForm Note { get; init; } = new();

    public StatusForm Status { get; init; } = new();

    /// <summary>The chosen producer's WhatsApp link when it has no email to forward to.</summary>
    public string? ForwardWhatsApp { get; init; }

    public bool IsOpen => InquiryStates.IsOpen(Inquiry.Status);
}
