using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Lambda;

/// <summary>
/// Lambda's Invoke over REST-JSON (<c>POST /2015-03-31/functions/{FunctionName}/invocations</c>). In-house because
/// AWSSDK.Lambda is not served by the NuGet registry these machines reach; operation and field names follow it so it
/// can replace this class.
/// </summary>
public sealed class LambdaClient(AwsHttp http) : ILambdaClient
{
    /// <summary>IAM actions the operations here need (serverless.template grants exactly these to a function composing this client).</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["lambda:InvokeFunction"];

    public AwsHttp Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    public LambdaClient WithDeadline(DateTimeOffset deadline) => new(Http.WithDeadline(deadline));

    ILambdaClient ILambdaClient.WithDeadline(DateTimeOffset deadline) => WithDeadline(deadline);

    public Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.FunctionName);
        var path = "/2015-03-31/functions/" + Uri.EscapeDataString(request.FunctionName) + "/invocations";
        if (request.Qualifier is not null)
        {
            path += "?Qualifier=" + Uri.EscapeDataString(request.Qualifier);
        }

        var uri = Http.UriFor(path);
        var payload = request.Payload.ToArray();
        return Http.SendAsync(
            "Invoke",
            AwsProtocol.RestJson,
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(payload) };
                AddHeader(message, "X-Amz-Invocation-Type", request.InvocationType);
                AddHeader(message, "X-Amz-Log-Type", request.LogType);
                AddHeader(message, "X-Amz-Client-Context", request.ClientContext);
                return message;
            },
            response => new InvokeResponse
            {
                StatusCode = (int)response.StatusCode,
                FunctionError = response.Header("X-Amz-Function-Error"),
                LogResult = response.Header("X-Amz-Log-Result"),
                ExecutedVersion = response.Header("X-Amz-Executed-Version"),
                Payload = response.Body,
            },
            cancellationToken);
    }

    private static void AddHeader(HttpRequestMessage message, string name, string? value)
    {
        if (value is not null)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
