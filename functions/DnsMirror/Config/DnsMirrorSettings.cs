using System.Globalization;
using DnsMirror.Transfer;
using LambdaSuite.Data.Tables;

namespace DnsMirror.Config;

/// <summary>
/// Environment settings, read once per container. Each default works against the local stack
/// (<c>./suite stack up</c>): the stack's primary for masters, the provisioned zones table.
/// </summary>
internal sealed record DnsMirrorSettings
{
    /// <summary><c>DNS_MIRROR_ZONES_TABLE</c>: zone rows (config and state).</summary>
    public string TableName { get; init; } = TableCatalog.DnsMirrorZones.LogicalName;

    /// <summary><c>DNS_MIRROR_MASTERS</c>: masters for a zone whose input names none; else the stack's primary.</summary>
    public string DefaultMasters { get; init; } = "127.0.0.1:53";

    /// <summary><c>DNS_MIRROR_MAX_DELETE_PERCENT</c>: default for a zone that sets no MaxDeletePercent.</summary>
    public int MaxDeletePercent { get; init; } = 20;

    /// <summary><c>DNS_MIRROR_ATTEMPT_TIMEOUT_SECONDS</c>: one exchange with one DNS server.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>DNS_MIRROR_DEADLINE_MARGIN_SECONDS</c>: work stops this long before the invocation's deadline, leaving time to record state.</summary>
    public TimeSpan DeadlineMargin { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary><c>DNS_MIRROR_POLL_SECONDS</c>: between GetChange polls while waiting for INSYNC.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>DNS_MIRROR_MAX_TRANSFER_RECORDS</c>: a zone transfer holding more records fails that zone.</summary>
    public long MaxTransferRecords { get; init; } = ZoneTransferOptions.DefaultMaxRecords;

    /// <summary><c>DNS_MIRROR_MAX_TRANSFER_BYTES</c>: a zone transfer larger than this (received, or uncompressed) fails that zone.</summary>
    public long MaxTransferBytes { get; init; } = ZoneTransferOptions.DefaultMaxBytes;

    public static DnsMirrorSettings Read(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var defaults = new DnsMirrorSettings();
        return new DnsMirrorSettings
        {
            TableName = NonEmpty(environment(TableCatalog.DnsMirrorZones.EnvironmentVariable)) ?? defaults.TableName,
            DefaultMasters = NonEmpty(environment("DNS_MIRROR_MASTERS")) ?? defaults.DefaultMasters,
            MaxDeletePercent = Number(environment, "DNS_MIRROR_MAX_DELETE_PERCENT") is { } percent ? (int)percent : defaults.MaxDeletePercent,
            AttemptTimeout = Seconds(environment, "DNS_MIRROR_ATTEMPT_TIMEOUT_SECONDS") ?? defaults.AttemptTimeout,
            DeadlineMargin = Seconds(environment, "DNS_MIRROR_DEADLINE_MARGIN_SECONDS") ?? defaults.DeadlineMargin,
            PollInterval = Seconds(environment, "DNS_MIRROR_POLL_SECONDS") ?? defaults.PollInterval,
            MaxTransferRecords = Count(environment, "DNS_MIRROR_MAX_TRANSFER_RECORDS") ?? defaults.MaxTransferRecords,
            MaxTransferBytes = Count(environment, "DNS_MIRROR_MAX_TRANSFER_BYTES") ?? defaults.MaxTransferBytes,
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
}
