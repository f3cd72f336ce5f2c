namespace LambdaSuite.Aws.Route53;

public sealed record ChangeInfo
{
    /// <summary>As Route 53 prints it (<c>/change/C123</c>); GetChange accepts it as is.</summary>
    public required string Id { get; init; }

    /// <summary>PENDING or INSYNC.</summary>
    public required string Status { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public string? Comment { get; init; }
}
