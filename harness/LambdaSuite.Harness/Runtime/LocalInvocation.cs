namespace LambdaSuite.Harness.Runtime;

/// <summary>A queued event: its request id, what the runtime saw when it picked it up, and how it ended.</summary>
public sealed class LocalInvocation
{
    private readonly TaskCompletionSource<InvocationOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LocalInvocation(string requestId, byte[] eventJson, LocalInvocationOptions options, IReadOnlyDictionary<string, string>? exactHeaders = null)
    {
        RequestId = requestId;
        EventJson = eventJson;
        Options = options;
        ExactHeaders = exactHeaders;
    }

    public string RequestId { get; }

    public byte[] EventJson { get; }

    public LocalInvocationOptions Options { get; }

    /// <summary>Headers sent verbatim instead of those <see cref="Options"/> describe (null for an ordinary event).</summary>
    internal IReadOnlyDictionary<string, string>? ExactHeaders { get; }

    /// <summary>Deadline sent with the event (Unix ms); null until a runtime has picked it up.</summary>
    public long? DeadlineMs { get; internal set; }

    /// <summary>
    /// A <see cref="System.Diagnostics.Stopwatch"/> timestamp of when a runtime's <c>/next</c> took the event; 0 until
    /// then. For an event queued before the runtime started this is the end of its init, as Lambda's Init Duration.
    /// </summary>
    public long PickedUpTimestamp { get; internal set; }

    /// <summary>Trace header sent with the event; null until a runtime has picked it up.</summary>
    public string? TraceId { get; internal set; }

    public Task<InvocationOutcome> Outcome => _outcome.Task;

    internal bool Complete(InvocationOutcome outcome) => _outcome.TrySetResult(outcome);
}
