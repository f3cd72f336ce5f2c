using Amazon.Runtime;

namespace LambdaSuite.Aws.Sts;

/// <summary>
/// Credentials of one (role, external id, region), assumed on first use and assumed again once they come within
/// the refresh window of their expiry. One instance per key lives in <see cref="AssumeRoleCredentialCache"/>, so
/// the signed HttpClient built for it stays valid while the keys underneath rotate.
/// </summary>
public sealed class AssumedRoleCredentials : AWSCredentials, IDisposable
{
    private readonly Func<CancellationToken, Task<Credentials>> _assume;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshBefore;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private Credentials? _current;

    public AssumedRoleCredentials(Func<CancellationToken, Task<Credentials>> assume, TimeProvider timeProvider, TimeSpan refreshBefore)
    {
        ArgumentNullException.ThrowIfNull(assume);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _assume = assume;
        _timeProvider = timeProvider;
        _refreshBefore = refreshBefore;
    }

    /// <summary>When the credentials handed out now expire, or null before the first AssumeRole.</summary>
    public DateTimeOffset? CurrentExpiration => Volatile.Read(ref _current)?.Expiration;

    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => GetAsync(CancellationToken.None);

    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (IsFresh(current))
        {
            return ToImmutable(current!);
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited for the lock.
            current = Volatile.Read(ref _current);
            if (!IsFresh(current))
            {
                current = await _assume(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _current, current);
            }

            return ToImmutable(current!);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private bool IsFresh(Credentials? credentials) =>
        credentials is not null && _timeProvider.GetUtcNow() < credentials.Expiration - _refreshBefore;

    private static ImmutableCredentials ToImmutable(Credentials credentials) =>
        new(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
}
