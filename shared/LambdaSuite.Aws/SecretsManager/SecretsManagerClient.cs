using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.SecretsManager;

/// <summary>
/// AWS Secrets Manager over the AWS JSON 1.1 protocol (<c>X-Amz-Target: secretsmanager.{Operation}</c>). In-house
/// because AWSSDK.SecretsManager is not served by the NuGet registry these machines reach; operation and field names
/// follow it so it can replace this class. Errors (ResourceNotFoundException, AccessDeniedException, DecryptionFailure,
/// ...) surface as <see cref="AwsServiceException"/> with the service's code and message.
/// </summary>
public sealed class SecretsManagerClient(AwsHttp http) : ISecretsManagerClient
{
    /// <summary>IAM actions the operations here need (serverless.template grants exactly these to a function composing this client).</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["secretsmanager:GetSecretValue"];

    public AwsHttp Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync("secretsmanager", "1.1", "GetSecretValue", request, SecretsManagerJsonContext.Default.GetSecretValueRequest, SecretsManagerJsonContext.Default.GetSecretValueResponse, cancellationToken);
}
