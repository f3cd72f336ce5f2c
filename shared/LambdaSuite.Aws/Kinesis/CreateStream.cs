// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Kinesis;

public sealed record CreateStreamRequest
{
    public required string StreamName { get; init; }

    /// <summary>Required in PROVISIONED mode; absent in ON_DEMAND mode.</summary>
    public int? ShardCount { get; init; }

    public StreamModeDetails? StreamModeDetails { get; init; }
}

/// <summary>Also part of <see cref="StreamDescriptionSummary"/> (DescribeStreamSummary).</summary>
public sealed record StreamModeDetails
{
    /// <summary>PROVISIONED or ON_DEMAND.</summary>
    public required string StreamMode { get; init; }
}

/// <summary>CreateStream answers with an empty body; the stream is CREATING until DescribeStreamSummary says ACTIVE.</summary>
public sealed record CreateStreamResponse;
