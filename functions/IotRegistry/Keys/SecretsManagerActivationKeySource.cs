using System.Runtime.ExceptionServices;
using System.Text;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.SecretsManager;

namespace IotRegistry.Keys;

/// <summary>
/// The activation-code keys from one Secrets Manager secret: its <c>AWSCURRENT</c> version is the current key, its
/// <c>AWSPREVIOUS</c> version (absent until the first rotation) the previous one. Both are fetched at once. The key is
/// the SecretString's UTF-8 octets (the template generates a 64-character alphanumeric string), or the SecretBinary's.
/// Every failure is an <see cref="ActivationKeyException"/> whose one-line message names the variable, the secret and
/// what to do; no message ever holds a secret value.
/// </summary>
internal sealed class SecretsManagerActivationKeySource(ISecretsManagerClient client, string secretArn) : IActivationKeySource
{
    public const string CurrentStage = "AWSCURRENT";
    public const string PreviousStage = "AWSPREVIOUS";

    public async Task<ActivationKeySet> LoadAsync(CancellationToken cancellationToken)
    {
        var current = FetchAsync(CurrentStage, cancellationToken);
        var previous = FetchAsync(PreviousStage, cancellationToken);
        try
        {
            await Task.WhenAll(current, previous).ConfigureAwait(false);
        }
        catch (Exception) when (current.IsFaulted)
        {
            // The current key's problem is the one to report; the previous one's fetch is observed by WhenAll.
            ExceptionDispatchInfo.Throw(current.Exception!.InnerException!);
        }

        // Only the previous stage may be absent (FetchAsync returns null for it alone).
        var currentKey = (await current.ConfigureAwait(false))!;
        var previousKey = await previous.ConfigureAwait(false);
        return new ActivationKeySet(new ActivationCodeHasher(currentKey), previousKey is null ? null : new ActivationCodeHasher(previousKey));
    }

    private async Task<byte[]?> FetchAsync(string stage, CancellationToken cancellationToken)
    {
        GetSecretValueResponse response;
        try
        {
            response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretArn, VersionStage = stage }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            // Before the first rotation there is no previous version: Secrets Manager answers ResourceNotFound for
            // that stage. For the current stage it means the secret itself is missing.
            return stage == PreviousStage ? null : throw Failure("Secrets Manager has no such secret (ResourceNotFoundException); check the ARN and the region it names.", e);
        }
        catch (AwsServiceException e) when (e.ErrorCode is "AccessDeniedException" or "AccessDenied")
        {
            throw Failure($"Secrets Manager refused access (AccessDeniedException: {OneLine(e.ErrorMessage)}); grant the function's role secretsmanager:GetSecretValue on this secret (and kms:Decrypt if a customer managed key encrypts it).", e);
        }
        catch (AwsServiceException e)
        {
            throw Failure($"Secrets Manager answered {e.ErrorCode}: {OneLine(e.ErrorMessage)}", e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Failure($"Secrets Manager could not be reached ({OneLine(e.Message)}); check the function's network path to Secrets Manager (a VPC endpoint or NAT).", e);
        }

        return Read(response, stage);
    }

    private byte[] Read(GetSecretValueResponse response, string stage)
    {
        var key = response.SecretBinary is { Length: > 0 } binary ? binary
            : !string.IsNullOrEmpty(response.SecretString) ? Encoding.UTF8.GetBytes(response.SecretString)
            : throw Failure($"the secret's {stage} version holds neither SecretString nor SecretBinary; store the key as a string of at least {IotRegistrySettings.MinimumKeyBytes} characters.");
        return key.Length >= IotRegistrySettings.MinimumKeyBytes
            ? key
            : throw Failure($"the secret's {stage} version holds {key.Length} bytes; the key needs at least {IotRegistrySettings.MinimumKeyBytes} (the template generates 64 characters).");
    }

    private ActivationKeyException Failure(string problem, Exception? inner = null)
    {
        var message = $"{IotRegistrySettings.Variables.ActivationCodeKeySecretArn} ({secretArn}): {problem}";
        return inner is null ? new ActivationKeyException(message) : new ActivationKeyException(message, inner);
    }

    private static string OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "no message" : text.ReplaceLineEndings(" ").Trim();
}
