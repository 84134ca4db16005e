using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace IkmCatalog.Web.Infrastructure.Operations;

/// <summary>
/// Console logs as one JSON object per line when <c>IkmCatalog:Logging:Json</c> is true: timestamp (UTC), level,
/// category, event id, message, exception, the trace and span ids of the request being served, and the message's
/// named values, flat, so a log collector needs no parsing rules. (The built-in <c>Logging:Console:FormatterName=json</c>
/// also works; it nests the trace id inside its scopes.)
/// </summary>
public static class JsonLogs
{
    public const string FormatterName = "ikm-json";

    public static IHostApplicationBuilder AddIkmLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration.GetValue<bool>("IkmCatalog:Logging:Json"))
        {
            builder.Logging.AddConsole(options => options.FormatterName = FormatterName)
                .AddConsoleFormatter<Formatter, ConsoleFormatterOptions>();
        }
        return builder;
    }

    public sealed class Formatter() : ConsoleFormatter(FormatterName)
    {
        private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

        public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
        {
            ArgumentNullException.ThrowIfNull(textWriter);
            var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
            if (message is null && logEntry.Exception is null)
            {
                return;
            }
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                json.WriteString("level", logEntry.LogLevel.ToString());
                json.WriteString("category", logEntry.Category);
                if (logEntry.EventId.Id != 0 || logEntry.EventId.Name is not null)
                {
                    json.WriteNumber("eventId", logEntry.EventId.Id);
                    if (logEntry.EventId.Name is { } name)
                    {
                        json.WriteString("eventName", name);
                    }
                }
                json.WriteString("message", message ?? "");
                if (logEntry.Exception is { } exception)
                {
                    json.WriteString("exception", exception.ToString());
                }
                // Formatted on the thread that logged, so the current activity is the request's.
                if (Activity.Current is { } activity)
                {
                    json.WriteString("traceId", activity.TraceId.ToHexString());
                    json.WriteString("spanId", activity.SpanId.ToHexString());
                }
                if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        if (key == "{OriginalFormat}" || IsReserved(key))
                        {
                            continue;
                        }
                        WriteValue(json, key, value);
                    }
                }
                json.WriteEndObject();
            }
            textWriter.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        private static bool IsReserved(string key) => key is "timestamp" or "level" or "category" or "eventId" or "eventName"
            or "message" or "exception" or "traceId" or "spanId";

        private static void WriteValue(Utf8JsonWriter json, string key, object? value)
        {
            switch (value)
            {
                case null:
                    json.WriteNull(key);
                    break;
                case bool b:
                    json.WriteBoolean(key, b);
                    break;
                case int or long or short or byte or uint or ushort or sbyte:
                    json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case ulong u:
                    json.WriteNumber(key, u);
                    break;
                case decimal m:
                    json.WriteNumber(key, m);
                    break;
                case double d when double.IsFinite(d):
                    json.WriteNumber(key, d);
                    break;
                case float f when float.IsFinite(f):
                    json.WriteNumber(key, f);
                    break;
                default:
                    json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
