using System.Diagnostics;
using System.Text.Json;
using IkmCatalog.Web.Infrastructure.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Tests.Operations;

public sealed class JsonLogTests
{
    [Fact]
    public void A_log_line_is_one_JSON_object_with_time_level_category_message_exception_trace_and_values()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        IReadOnlyList<KeyValuePair<string, object?>> state =
        [
            new("Count", 3), new("Node", "node-a"), new("{OriginalFormat}", "Sent {Count} email(s) on {Node}."),
        ];
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(LogLevel.Warning, "IkmCatalog.Web.Email.OutboxDelivery",
            new EventId(7, "Sent"), state, new InvalidOperationException("SMTP refused"), (_, _) => "Sent 3 email(s) on node-a.");
        using var output = new StringWriter();

        new JsonLogs.Formatter().Write(entry, null, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("timestamp").GetString(), out var time));
        Assert.True(Math.Abs((DateTimeOffset.UtcNow - time).TotalMinutes) < 5);
        Assert.Equal("Warning", root.GetProperty("level").GetString());
        Assert.Equal("IkmCatalog.Web.Email.OutboxDelivery", root.GetProperty("category").GetString());
        Assert.Equal(7, root.GetProperty("eventId").GetInt32());
        Assert.Equal("Sent 3 email(s) on node-a.", root.GetProperty("message").GetString());
        Assert.Contains("SMTP refused", root.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.Equal(activity.TraceId.ToHexString(), root.GetProperty("traceId").GetString());
        Assert.Equal(3, root.GetProperty("Count").GetInt32());
        Assert.Equal("node-a", root.GetProperty("Node").GetString());
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void A_message_with_quotes_and_new_lines_stays_on_one_line_of_valid_JSON()
    {
        var entry = new LogEntry<string>(LogLevel.Information, "Test", default, "state", null, (_, _) => "Produk \"Keripik\"\nbaris dua");
        using var output = new StringWriter();

        new JsonLogs.Formatter().Write(entry, null, output);

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Produk \"Keripik\"\nbaris dua", json.RootElement.GetProperty("message").GetString());
        Assert.False(json.RootElement.TryGetProperty("exception", out _));
    }

    [Theory]
    [InlineData("true", JsonLogs.FormatterName)]
    [InlineData(null, ConsoleFormatterNames.Simple)]
    public void The_console_writes_JSON_only_when_configured(string? json, string formatter)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole();
        builder.Configuration["IkmCatalog:Logging:Json"] = json;

        builder.AddIkmLogging();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(formatter, options.FormatterName);
        Assert.Contains(host.Services.GetServices<ConsoleFormatter>(), f => f.Name == formatter);
    }
}
