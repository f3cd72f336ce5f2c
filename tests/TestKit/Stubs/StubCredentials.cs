using Amazon.Runtime;

namespace LambdaSuite.TestKit.Stubs;

/// <summary>The key pair test clients sign with and the stub verifies against; made up, valid nowhere.</summary>
public static class StubCredentials
{
    public const string AccessKeyId = "AKIDSTUBTESTKEY00001";
    public const string SecretAccessKey = "stub/Secret+Key/for-loopback-tests-only0";

    public static AWSCredentials Create() => new BasicAWSCredentials(AccessKeyId, SecretAccessKey);

    public static string? SecretFor(string accessKeyId) => accessKeyId == AccessKeyId ? SecretAccessKey : null;
}
