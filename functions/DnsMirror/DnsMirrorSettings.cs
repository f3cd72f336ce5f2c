using System.Globalization;
using DnsMirror.Config;
using DnsMirror.Transfer;
using LambdaSuite.Data.Tables;

namespace DnsMirror;

/// <summary>
/// DnsMirror's settings, read once per container by <see cref="Read"/>. Each default works against the local stack
/// (<c>./suite stack up</c>): the stack's primary for masters, the provisioned zones table. The function's README
/// lists them.
/// </summary>
internal sealed record DnsMirrorSettings
{
    /// <summary><see cref="Variables.Table"/>: zone rows (config and state).</summary>
    public string TableName { get; init; } = TableCatalog.DnsMirrorZones.LogicalName;

    /// <summary><see cref="Variables.Masters"/>: masters for a zone whose input names none; else the stack's primary.</summary>
    public string DefaultMasters { get; init; } = "127.0.0.1:53";

    /// <summary><see cref="Variables.MaxDeletePercent"/>: default for a zone that sets no MaxDeletePercent.</summary>
    public int MaxDeletePercent { get; init; } = 20;

    /// <summary><see cref="Variables.AttemptTimeout"/>: one exchange with one DNS server.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><see cref="Variables.DeadlineMargin"/>: work stops this long before the invocation's deadline, leaving time to record state.</summary>
    public TimeSpan DeadlineMargin { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary><see cref="Variables.PollInterval"/>: between GetChange polls while waiting for INSYNC.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><see cref="Variables.MaxTransferRecords"/>: a zone transfer holding more records fails that zone.</summary>
    public long MaxTransferRecords { get; init; } = ZoneTransferOptions.DefaultMaxRecords;

    /// <summary><see cref="Variables.MaxTransferBytes"/>: a zone transfer larger than this (received, or uncompressed) fails that zone.</summary>
    public long MaxTransferBytes { get; init; } = ZoneTransferOptions.DefaultMaxBytes;

    /// <summary>
    /// <see cref="Variables.ChangeBurst"/>: record changes Route 53's change-throughput bucket holds at once. The AWS
    /// documentation available to the project names the bucket without figures, so the default (one full batch) is an
    /// assumption to set to the account's.
    /// </summary>
    public int ChangeBurst { get; init; } = 1000;

    /// <summary><see cref="Variables.ChangesPerSecond"/>: that bucket's refill, record changes a second (default assumed, as above).</summary>
    public double ChangesPerSecond { get; init; } = 500;

    /// <summary><see cref="Variables.AlertTopic"/>: SNS topic a failed zone's alert goes to; null publishes none (the local stack's default).</summary>
    public string? AlertTopicArn { get; init; }

    public static DnsMirrorSettings Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var defaults = new DnsMirrorSettings();
        return new DnsMirrorSettings
        {
            TableName = NonEmpty(environment(Variables.Table)) ?? defaults.TableName,
            DefaultMasters = NonEmpty(environment(Variables.Masters)) ?? defaults.DefaultMasters,
            MaxDeletePercent = Number(environment, Variables.MaxDeletePercent) is { } percent ? (int)percent : defaults.MaxDeletePercent,
            AttemptTimeout = Seconds(environment, Variables.AttemptTimeout) ?? defaults.AttemptTimeout,
            DeadlineMargin = Seconds(environment, Variables.DeadlineMargin) ?? defaults.DeadlineMargin,
            PollInterval = Seconds(environment, Variables.PollInterval) ?? defaults.PollInterval,
            MaxTransferRecords = Count(environment, Variables.MaxTransferRecords) ?? defaults.MaxTransferRecords,
            MaxTransferBytes = Count(environment, Variables.MaxTransferBytes) ?? defaults.MaxTransferBytes,
            ChangeBurst = Count(environment, Variables.ChangeBurst) is { } burst
                ? (int)Math.Min(burst, int.MaxValue)
                : defaults.ChangeBurst,
            ChangesPerSecond = Number(environment, Variables.ChangesPerSecond) is { } rate
                ? (rate > 0 ? rate : throw new ZoneConfigException($"{Variables.ChangesPerSecond}='{rate}' must be above 0: a bucket that never refills would stop every change."))
                : defaults.ChangesPerSecond,
            AlertTopicArn = NonEmpty(environment(Variables.AlertTopic)),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static double? Number(Func<string, string?> environment, string name)
    {
        var text = NonEmpty(environment(name));
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ZoneConfigException($"{name}='{text}' is not a non-negative number.");
    }

    private static long? Count(Func<string, string?> environment, string name)
    {
        var text = NonEmpty(environment(name));
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ZoneConfigException($"{name}='{text}' is not a whole number above 0.");
    }

    private static TimeSpan? Seconds(Func<string, string?> environment, string name) =>
        Number(environment, name) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>
    /// The environment variables <see cref="Read"/> looks at, named once here (serverless.template sets exactly
    /// <see cref="All"/>; a template test holds it to that). A zone's TSIG secret variable is named in its input and
    /// must start with <see cref="TsigSecretPrefix"/>.
    /// </summary>
    public static class Variables
    {
        /// <summary>The zones table's name (default <c>dnsMirrorZones</c>); the name lives with the table's definition.</summary>
        public static string Table => TableCatalog.DnsMirrorZones.EnvironmentVariable;

        public const string Masters = "DNS_MIRROR_MASTERS";
        public const string MaxDeletePercent = "DNS_MIRROR_MAX_DELETE_PERCENT";
        public const string AttemptTimeout = "DNS_MIRROR_ATTEMPT_TIMEOUT_SECONDS";
        public const string DeadlineMargin = "DNS_MIRROR_DEADLINE_MARGIN_SECONDS";
        public const string PollInterval = "DNS_MIRROR_POLL_SECONDS";
        public const string MaxTransferRecords = "DNS_MIRROR_MAX_TRANSFER_RECORDS";
        public const string MaxTransferBytes = "DNS_MIRROR_MAX_TRANSFER_BYTES";
        public const string ChangeBurst = "DNS_MIRROR_CHANGE_BURST";
        public const string ChangesPerSecond = "DNS_MIRROR_CHANGES_PER_SECOND";

        /// <summary>The suite's alert topic (the template's SuiteAlertTopic); the name is the suite's, not DnsMirror's, as other functions may publish there too.</summary>
        public const string AlertTopic = "SUITE_ALERT_TOPIC_ARN";

        /// <summary>The only prefix a zone's <c>Tsig.SecretEnv</c> may name (see <see cref="ZoneJobParser.SecretEnvPrefix"/>).</summary>
        public const string TsigSecretPrefix = "DNS_MIRROR_TSIG_";

        public static IReadOnlyList<string> All { get; } =
            [Table, Masters, MaxDeletePercent, AttemptTimeout, DeadlineMargin, PollInterval, MaxTransferRecords, MaxTransferBytes, ChangeBurst, ChangesPerSecond, AlertTopic];
    }
}
