using System.Text;
using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.SecretsManager;
using LambdaSuite.Runtime;

namespace ChatRelay.Slack;

/// <summary>
/// The bot token from the Secrets Manager secret <c>SLACK_BOT_TOKEN_SECRET_ARN</c> names: its SecretString is the
/// <c>xoxb-…</c> token itself, or JSON <c>{"token":"xoxb-…"}</c>. Read on first use, not at init, so a cold start
/// that only answers a refused token costs no Secrets Manager call; then kept for the container's life. A failed
/// read is not cached: the next request tries again.
/// </summary>
internal sealed class SecretsManagerSlackBotTokenSource(ISecretsManagerClient? client, string? secretArn) : ISlackBotTokenSource
{
    private const string Variable = ChatRelaySettings.Variables.SlackBotTokenSecretArn;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _token) is { } cached)
        {
            return cached;
        }

        if (client is null || secretArn is null)
        {
            throw new SlackConfigurationException($"{Variable} is not set: the relay needs the ARN of the Secrets Manager secret holding the Slack bot token.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } raced)
            {
                return raced;
            }

            var token = await FetchAsync(client, secretArn, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _token, token);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Forget() => Volatile.Write(ref _token, null);

    /// <summary>The token inside a SecretString: the string itself, or the <c>token</c> member of a JSON object.</summary>
    public static string? TokenFrom(string secretString)
    {
        ArgumentNullException.ThrowIfNull(secretString);
        var text = secretString.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (name == "token" && reader.TokenType == JsonTokenType.String)
                    {
                        text = reader.GetString()!.Trim();
                        return IsHeaderSafe(text) ? text : null;
                    }

                    reader.Skip();
                }

                return null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return IsHeaderSafe(text) ? text : null;
    }

    private static bool IsHeaderSafe(string token) =>
        token.Length is > 0 and <= 512 && token.All(static c => c is > ' ' and < '\u007f');

    private static async Task<string> FetchAsync(ISecretsManagerClient client, string arn, CancellationToken cancellationToken)
    {
        GetSecretValueResponse response;
        try
        {
            response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = arn }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            throw new SlackConfigurationException($"{Variable} ({arn}): Secrets Manager has no such secret (ResourceNotFoundException); check the ARN and the region it names.", e);
        }
        catch (AwsServiceException e) when (e.ErrorCode is "AccessDeniedException" or "AccessDenied")
        {
            throw new SlackConfigurationException($"{Variable} ({arn}): Secrets Manager refused access; grant the function's role secretsmanager:GetSecretValue on this secret.", e);
        }
        catch (AwsServiceException e)
        {
            throw new SlackConfigurationException($"{Variable} ({arn}): Secrets Manager answered {e.ErrorCode}: {ErrorText.OneLine(e.ErrorMessage)}", e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SlackConfigurationException($"{Variable} ({arn}): Secrets Manager could not be reached ({ErrorText.OneLine(e.Message)}); check the function's network path to Secrets Manager (a VPC endpoint or NAT).", e);
        }

        return (response.SecretString is { } secret ? TokenFrom(secret) : null)
            ?? throw new SlackConfigurationException($"{Variable} ({arn}): the secret's SecretString holds no usable token; store the xoxb- token itself or JSON {{\"token\":\"xoxb-…\"}}.");
    }
}
