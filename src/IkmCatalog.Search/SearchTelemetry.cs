using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IkmCatalog.Search;

/// <summary>
/// The search engine's part of the "IkmCatalog" meter and activity source: how long each search and suggestion
/// takes in the index (without page assembly), and a trace span around it.
/// </summary>
public static class SearchTelemetry
{
    /// <summary>The name of the application's own meter and activity source (every part of it uses this one).</summary>
    public const string Name = "IkmCatalog";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "ikm.search.duration", unit: "s", description: "Time to answer a catalogue search or a suggestion from the index.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets.Seconds });

    /// <summary>Times one search operation ("search" or "suggest") until disposed, inside a span of its own.</summary>
    public static Measurement Measure(string operation) => new(operation, Source.StartActivity("search." + operation));

    public readonly struct Measurement(string operation, Activity? activity) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public void Dispose()
        {
            Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, new KeyValuePair<string, object?>("operation", operation));
            activity?.Dispose();
        }
    }

    /// <summary>Bucket bounds for durations in seconds, from a cached answer (under a millisecond) to a slow one.</summary>
    public static class Buckets
    {
        public static IReadOnlyList<double> Seconds { get; } =
            [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    }
}
