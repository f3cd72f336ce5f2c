using DnsMirror.Tsig;

namespace DnsMirror.Transfer;

/// <summary>Settings for <see cref="ZoneTransferClient"/>.</summary>
public sealed record ZoneTransferOptions
{
    /// <summary>Masters tried in order; the first that answers well wins.</summary>
    public required IReadOnlyList<DnsMaster> Masters { get; init; }

    /// <summary>TSIG key that signs every request and must sign every response; null for none.</summary>
    public TsigKey? Key { get; init; }

    /// <summary>Limit for one exchange with one master (connect, query, whole transfer).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for the whole operation over all masters.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(120);
}
