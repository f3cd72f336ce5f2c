// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Route53;

/// <param name="Id">Bare (<c>C123</c>) or as Route 53 prints it (<c>/change/C123</c>).</param>
public sealed record GetChangeRequest(string Id);

public sealed record GetChangeResponse(ChangeInfo ChangeInfo);

public sealed record ChangeInfo
{
    /// <summary>As Route 53 prints it (<c>/change/C123</c>); GetChange accepts it as is.</summary>
    public required string Id { get; init; }

    /// <summary>PENDING or INSYNC.</summary>
    public required string Status { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public string? Comment { get; init; }
}

/// <summary>Values of <see cref="ChangeInfo.Status"/>.</summary>
public static class ChangeStatus
{
    public const string Pending = "PENDING";

    /// <summary>Every Route 53 name server answers with the change.</summary>
    public const string InSync = "INSYNC";
}
