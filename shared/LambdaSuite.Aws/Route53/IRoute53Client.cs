namespace LambdaSuite.Aws.Route53;

/// <summary>The Route 53 operations the suite calls: the seam services take, so tests can pass a fake.</summary>
public interface IRoute53Client
{
    Task<ListResourceRecordSetsResponse> ListResourceRecordSetsAsync(ListResourceRecordSetsRequest request, CancellationToken cancellationToken = default);

    Task<ChangeResourceRecordSetsResponse> ChangeResourceRecordSetsAsync(ChangeResourceRecordSetsRequest request, CancellationToken cancellationToken = default);

    Task<GetChangeResponse> GetChangeAsync(GetChangeRequest request, CancellationToken cancellationToken = default);

    /// <summary>The same client with retries bounded by <paramref name="deadline"/>.</summary>
    IRoute53Client WithDeadline(DateTimeOffset deadline);
}
