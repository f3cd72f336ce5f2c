using System.Globalization;
using LambdaSuite.Data.Tables;

namespace Fanout;

/// <summary>
/// Fanout's settings, read once at init by <see cref="Read"/>. Every one has a default that works against the local
/// stack; the function's README lists them.
/// </summary>
internal sealed record FanoutSettings(string TableName, TimeSpan ConfigTtl, string? DeadLetter, TimeSpan DeadlineMargin)
{
    public static FanoutSettings Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new FanoutSettings(
            TableCatalog.FanoutTargets.ResolveName(environment),
            TimeSpan.FromSeconds(ReadNumber(environment, Variables.ConfigTtl, 60, 0, 86_400)),
            string.IsNullOrWhiteSpace(environment(Variables.DeadLetter)) ? null : environment(Variables.DeadLetter)!.Trim(),
            TimeSpan.FromMilliseconds(ReadNumber(environment, Variables.DeadlineMargin, 1500, 0, 60_000)));
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

    /// <summary>The environment variables <see cref="Read"/> looks at, named once here (serverless.template sets exactly <see cref="All"/>; a template test holds it to that).</summary>
    public static class Variables
    {
        /// <summary>The mapping table's name (default <c>fanoutTargets</c>); the name lives with the table's definition.</summary>
        public static string Table => TableCatalog.FanoutTargets.EnvironmentVariable;

        /// <summary>How long the mappings of one source are kept per container, in seconds (default 60).</summary>
        public const string ConfigTtl = "FANOUT_CONFIG_TTL_SECONDS";

        /// <summary>An SQS queue URL or ARN for records whose mapping names no dead-letter queue (default none).</summary>
        public const string DeadLetter = "FANOUT_DEAD_LETTER";

        /// <summary>Time kept back from the invocation's deadline to answer with the batch item failures, in ms (default 1500).</summary>
        public const string DeadlineMargin = "FANOUT_DEADLINE_MARGIN_MS";

        public static IReadOnlyList<string> All { get; } = [Table, ConfigTtl, DeadLetter, DeadlineMargin];
    }
}
