namespace LambdaSuite.Aws.SecretsManager;

/// <summary>The Secrets Manager operations the suite uses.</summary>
public interface ISecretsManagerClient
{
    Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default);
}
