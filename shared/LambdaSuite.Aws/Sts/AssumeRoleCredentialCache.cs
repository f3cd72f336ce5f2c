using System.Collections.Concurrent;

namespace LambdaSuite.Aws.Sts;

/// <summary>
/// Cross-account credentials keyed by (role ARN, external id, region): one <see cref="AssumedRoleCredentials"/> per
/// key, each refreshing itself <see cref="RefreshBefore"/> ahead of expiry. The region picks the STS endpoint.
/// </summary>
public sealed class AssumeRoleCredentialCache(Func<string, StsClient> stsForRegion, TimeProvider? timeProvider = null) : IDisposable
{
    private readonly ConcurrentDictionary<(string RoleArn, string? ExternalId, string Region), Lazy<AssumedRoleCredentials>> _entries = new();
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>Session name shown in the target account's CloudTrail.</summary>
    public string RoleSessionName { get; init; } = "lambda-suite";

    public int DurationSeconds { get; init; } = 3600;

    public TimeSpan RefreshBefore { get; init; } = TimeSpan.FromMinutes(5);

    public AssumedRoleCredentials Get(string roleArn, string? externalId, string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(roleArn);
        ArgumentException.ThrowIfNullOrEmpty(region);
        return _entries.GetOrAdd((roleArn, externalId, region), key => new Lazy<AssumedRoleCredentials>(() => Create(key))).Value;
    }

    public void Dispose()
    {
        foreach (var entry in _entries.Values.Where(lazy => lazy.IsValueCreated))
        {
            entry.Value.Dispose();
        }
    }

    private AssumedRoleCredentials Create((string RoleArn, string? ExternalId, string Region) key) => new(
        async cancellationToken =>
        {
            var response = await stsForRegion(key.Region).AssumeRoleAsync(
                new AssumeRoleRequest
                {
                    RoleArn = key.RoleArn,
                    RoleSessionName = RoleSessionName,
                    ExternalId = key.ExternalId,
                    DurationSeconds = DurationSeconds,
                },
                cancellationToken).ConfigureAwait(false);
            return response.Credentials;
        },
        _timeProvider,
        RefreshBefore);
}
