// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Route53;

public sealed record ChangeResourceRecordSetsRequest
{
    /// <summary>The zone id, bare (<c>Z123</c>) or as Route 53 prints it (<c>/hostedzone/Z123</c>).</summary>
    public required string HostedZoneId { get; init; }

    public required ChangeBatch ChangeBatch { get; init; }
}

/// <summary>Applied atomically: all changes or none (at most 1,000 records and 32,000 value characters).</summary>
public sealed record ChangeBatch
{
    public string? Comment { get; init; }

    public required IReadOnlyList<Change> Changes { get; init; }
}

public sealed record Change(string Action, ResourceRecordSet ResourceRecordSet);

/// <summary>Values of a change's <c>Action</c>.</summary>
public static class ChangeAction
{
    public const string Create = "CREATE";
    public const string Delete = "DELETE";
    public const string Upsert = "UPSERT";
}

public sealed record ChangeResourceRecordSetsResponse(ChangeInfo ChangeInfo);
