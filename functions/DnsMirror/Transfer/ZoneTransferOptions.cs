using DnsMirror.Tsig;

namespace DnsMirror.Transfer;

/// <summary>Settings for <see cref="ZoneTransferClient"/>.</summary>
internal sealed record ZoneTransferOptions
{
    /// <summary>Masters tried in order; the first that answers well wins.</summary>
    public required IReadOnlyList<DnsMaster> Masters { get; init; }

    /// <summary>TSIG key that signs every request and must sign every response; null for none.</summary>
    public TsigKey? Key { get; init; }

    /// <summary>Limit for one exchange with one master (connect, query, whole transfer).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for the whole operation over all masters.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A transfer holding more records than this fails: a master must not fill the function's memory.</summary>
    public long MaxRecords { get; init; } = DefaultMaxRecords;

    /// <summary>
    /// A transfer larger than this fails, its size being the greater of the octets received and the records'
    /// uncompressed size (owner name + 10 + RDATA each): compression lets a small message expand to many names.
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// Twice the 100,000-record benchmark zone and twenty times Route 53's default records-per-zone quota: a zone
    /// this large is still diffed and planned inside the template's 512 MB (244 MiB measured at 199,990 records,
    /// every one a change; 361 MiB at 299,990). See the README for the figures.
    /// </summary>
    public const long DefaultMaxRecords = 200_000;

    /// <summary>32 MiB uncompressed: six times the benchmark zone's, with room for zones of long TXT records.</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;
}
