using System.Buffers;
using System.Text;
using System.Text.Json;
using Fanout.Delivery;
using LambdaSuite.Runtime;

namespace Fanout.Metrics;

/// <summary>
/// CloudWatch Embedded Metric Format lines (one JSON object per line, <c>_aws.CloudWatchMetrics</c> naming the
/// metrics and dimension sets): per source and destination, and per source. Written with
/// <see cref="Utf8JsonWriter"/>, so no reflection.
/// </summary>
internal sealed class FanoutMetrics(ILambdaLogger logger, TimeProvider timeProvider)
{
    public const string Namespace = "LambdaSuite/Fanout";

    public void Target(string sourceArn, TargetOutcome outcome, int deadLettered, int dropped)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Write(
            [("Source", sourceArn), ("Target", outcome.TargetName)],
            [
                ("Delivered", outcome.Delivered, "Count"),
                ("Skipped", outcome.Skipped, "Count"),
                ("Failed", outcome.FailedParents.Count, "Count"),
                ("DeadLettered", deadLettered, "Count"),
                ("Dropped", dropped, "Count"),
                ("Calls", outcome.Calls, "Count"),
                ("Retries", outcome.Retries, "Count"),
                ("Throttles", outcome.Throttles, "Count"),
                ("DeliveryTime", outcome.Milliseconds, "Milliseconds"),
            ]);
    }

    public void Source(string sourceArn, int records, int activeTargets, int invalidMappings, bool batchFailed)
    {
        Write(
            [("Source", sourceArn)],
            [
                ("Records", records, "Count"),
                ("ActiveTargets", activeTargets, "Count"),
                ("InvalidMappings", invalidMappings, "Count"),
                ("BatchItemFailures", batchFailed ? 1 : 0, "Count"),
            ]);
    }

    private void Write(ReadOnlySpan<(string Name, string Value)> dimensions, ReadOnlySpan<(string Name, double Value, string Unit)> metrics)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", Namespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            foreach (var (name, _) in dimensions)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            foreach (var (name, _, unit) in metrics)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", name);
                writer.WriteString("Unit", unit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            foreach (var (name, value) in dimensions)
            {
                writer.WriteString(name, value);
            }

            foreach (var (name, value, _) in metrics)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
        }

        logger.WriteJsonLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
