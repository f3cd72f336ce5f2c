namespace Fanout.Delivery;

/// <summary>What one source's batch came to: the sequence number Lambda must resume from (null when all is done).</summary>
internal sealed record FanoutResult(string SourceArn, string? FailedSequenceNumber, IReadOnlyList<TargetOutcome> Outcomes, int DeadLettered, int Dropped);
