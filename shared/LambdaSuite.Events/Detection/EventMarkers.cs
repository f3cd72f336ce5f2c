namespace LambdaSuite.Events.Detection;

/// <summary>
/// The few fields that tell AWS event shapes apart, read from raw JSON in one forward pass without
/// materialising the document.
/// </summary>
internal readonly record struct EventMarkers
{
    public string? Version { get; init; }

    public bool HasRecords { get; init; }

    /// <summary><c>Records[0].EventSource</c> (SNS spelling) or <c>Records[0].eventSource</c> (SQS, Kinesis, DynamoDB).</summary>
    public string? FirstRecordEventSource { get; init; }

    public string? DetailType { get; init; }

    public string? Source { get; init; }

    public bool HasDetail { get; init; }

    public bool HasHttpMethod { get; init; }

    public bool HasRawPath { get; init; }

    public bool HasMultiValueHeaders { get; init; }

    public bool HasMultiValueQuery { get; init; }

    public bool HasRequestContext { get; init; }

    public bool ContextHasElb { get; init; }

    public bool ContextHasHttp { get; init; }

    public bool ContextHasResourceId { get; init; }

    public bool ContextHasHttpMethod { get; init; }

    /// <summary>Top-level <c>templateArn</c> (a fleet-provisioning hook's request).</summary>
    public bool HasTemplateArn { get; init; }

    /// <summary>Top-level <c>certificateId</c>.</summary>
    public bool HasCertificateId { get; init; }
}
