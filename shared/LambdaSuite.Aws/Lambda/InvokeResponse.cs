namespace LambdaSuite.Aws.Lambda;

public sealed record InvokeResponse
{
    /// <summary>200 for RequestResponse, 202 for Event, 204 for DryRun.</summary>
    public int StatusCode { get; init; }

    /// <summary>Set when the function itself failed (the HTTP status is still 200).</summary>
    public string? FunctionError { get; init; }

    public string? LogResult { get; init; }

    public ReadOnlyMemory<byte> Payload { get; init; }

    public string? ExecutedVersion { get; init; }
}
