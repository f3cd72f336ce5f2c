using System.Globalization;
using LambdaSuite.Data.Tables;

namespace Fanout;

/// <summary>
/// Settings read once at init; each has a default that works against the local stack.
/// FANOUT_TARGETS_TABLE (fanoutTargets), FANOUT_CONFIG_TTL_SECONDS (60), FANOUT_DEAD_LETTER (none: an SQS queue URL
/// or ARN for records whose mapping names no dead-letter queue), FANOUT_DEADLINE_MARGIN_MS (1500: time kept back from
/// the invocation's deadline to answer with the batch item failures).
/// </summary>
internal sealed record FanoutSettings(string TableName, TimeSpan ConfigTtl, string? DeadLetter, TimeSpan DeadlineMargin)
{
    public const string ConfigTtlVariable = "FANOUT_CONFIG_TTL_SECONDS";
    public const string DeadLetterVariable = "FANOUT_DEAD_LETTER";
    public const string DeadlineMarginVariable = "FANOUT_DEADLINE_MARGIN_MS";

    public static FanoutSettings Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new FanoutSettings(
            TableCatalog.FanoutTargets.ResolveName(environment),
            TimeSpan.FromSeconds(ReadNumber(environment, ConfigTtlVariable, 60, 0, 86_400)),
            string.IsNullOrWhiteSpace(environment(DeadLetterVariable)) ? null : environment(DeadLetterVariable)!.Trim(),
            TimeSpan.FromMilliseconds(ReadNumber(environment, DeadlineMarginVariable, 1500, 0, 60_000)));
    }

    private static int ReadNumber(Func<string, string?> environment, string name, int fallback, int min, int max)
    {
        var raw = environment(name);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{name} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got '{raw}'.");
    }
}
