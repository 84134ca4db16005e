using IkmCatalog.Producers;

namespace IkmCatalog.Web.Features;

/// <summary>
/// What the _ContactProducer partial needs: the producer, the product the buyer is looking at (null on the
/// producer's own page) and the absolute address of the page, which the prefilled WhatsApp message quotes.
/// </summary>
public sealed record ContactProducerModel(Producer Producer, string? ProductName, string PageUrl, bool ShowAddress);
