using System.Diagnostics;
using System.Diagnostics.Metrics;
using IkmCatalog.Search;

namespace IkmCatalog.Web.Media;

/// <summary>
/// The image pipeline's part of the "IkmCatalog" meter: variant requests answered from the disk cache or not, and
/// how long libvips takes to make a variant (with a trace span around it).
/// </summary>
public static class MediaTelemetry
{
    private static readonly Meter Meter = new(SearchTelemetry.Name);

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "ikm.media.variant_cache.requests", unit: "{request}", description: "Image requests by whether a made variant was on disk (hit) or not (miss).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "ikm.media.variant.duration", unit: "s", description: "Time libvips takes to make one image variant.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SearchTelemetry.Buckets.Seconds });

    public static void CacheHit() => CacheLookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));

    public static void CacheMiss() => CacheLookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));

    /// <summary>Times one variant production until disposed; <see cref="Rendering.Format"/> is set once known.</summary>
    public static Rendering Render(int mediaId) => new(mediaId, SearchTelemetry.Source.StartActivity("media.resize"));

    public sealed class Rendering : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly Activity? _activity;

        internal Rendering(int mediaId, Activity? activity)
        {
            _activity = activity;
            _activity?.SetTag("ikm.media.id", mediaId);
        }

        public ImageFormat? Format { get; set; }

        public void Dispose()
        {
            var format = Format is { } f ? ImageCommand.FormatName(f) : "none";
            Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, new KeyValuePair<string, object?>("format", format));
            _activity?.SetTag("ikm.media.format", format);
            _activity?.Dispose();
        }
    }
}
