using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sts;
using LambdaSuite.TestKit.Moto;

namespace Shared.Tests.Aws.Sts;

/// <summary>The in-house STS client against moto: a role made by boto3, assumed by our client, the keys judged by boto3.</summary>
[Trait("Category", "Integration")]
public sealed class StsMotoTests : IDisposable
{
    private const string CreateRoleScript = """
        iam = boto3.client('iam', endpoint_url=os.environ['AWS_ENDPOINT_URL_STS'])
        trust = {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'AWS': 'arn:aws:iam::123456789012:root'},
            'Action': 'sts:AssumeRole', 'Condition': {'StringEquals': {'sts:ExternalId': os.environ['ARG_external']}}}]}
        print(iam.create_role(RoleName=os.environ['ARG_name'], AssumeRolePolicyDocument=json.dumps(trust))['Role']['Arn'])
        """;

    /// <summary>Who moto says the assumed keys belong to.</summary>
    private const string CallerScript = """
        sts = boto3.client('sts', aws_access_key_id=os.environ['ARG_key'], aws_secret_access_key=os.environ['ARG_secret'], aws_session_token=os.environ['ARG_token'])
        print(sts.get_caller_identity()['Arn'])
        """;

    private readonly AwsClientFactory _factory = MotoClientFactory.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AssumeRoleAsync_RoleWithExternalId_KeysThatBoto3SeesAsTheAssumedRole()
    {
        var name = $"suite-test-{Guid.NewGuid():N}"[..40];
        var roleArn = await Boto3.RunAsync(CreateRoleScript, ("name", name), ("external", "tenant-42"));

        var response = await _factory.CreateSts().AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "fanout", ExternalId = "tenant-42", DurationSeconds = 900 });
        var caller = await Boto3.RunAsync(CallerScript, ("key", response.Credentials.AccessKeyId), ("secret", response.Credentials.SecretAccessKey), ("token", response.Credentials.SessionToken));

        Assert.StartsWith("ASIA", response.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(response.Credentials.SessionToken));
        Assert.True(response.Credentials.Expiration > DateTimeOffset.UtcNow);
        Assert.Equal($"arn:aws:sts::123456789012:assumed-role/{name}/fanout", caller);
        Assert.Equal(caller, response.AssumedRoleUserArn);
    }
}
