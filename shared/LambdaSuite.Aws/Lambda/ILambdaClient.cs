namespace LambdaSuite.Aws.Lambda;

/// <summary>The Lambda operations the suite calls: the seam services take, so tests can pass a fake.</summary>
public interface ILambdaClient
{
    Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default);

    /// <summary>The same client with retries bounded by <paramref name="deadline"/>.</summary>
    ILambdaClient WithDeadline(DateTimeOffset deadline);
}
