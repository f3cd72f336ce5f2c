using System.Globalization;
using System.Text.Json;
using ChatRelay.Alerts;
using ChatRelay.Http;
using ChatRelay.Json;
using ChatRelay.Relay;
using ChatRelay.Slack;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.SecretsManager;
using LambdaSuite.Data;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Data.Tables;
using LambdaSuite.Events.Detection;
using LambdaSuite.Events.Http;
using LambdaSuite.Runtime;

namespace ChatRelay;

/// <summary>
/// The ChatRelay handler: an HTTP request (ALB in either header mode, REST or HTTP API) goes to the HipChat door,
/// an SNS notification to the alert door; anything else is refused as an event error. Nothing from a request is
/// logged but the route, the status, the room and the token's hash prefix. HTTP faults become HipChat's 500 answer;
/// SNS faults propagate so Lambda retries the alert.
/// </summary>
internal sealed class ChatRelayFunction(HipChatHttpApi httpDoor, AlertHandler alertDoor) : ILambdaFunction
{
    /// <summary>Slack usually answers in well under a second; past this the answer is treated as lost (the post may have happened).</summary>
    public static readonly TimeSpan SlackTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Every variable <see cref="Create(Func{string, string?})"/> reads (the template sets exactly these).</summary>
    public static IReadOnlyList<string> EnvironmentVariables => ChatRelaySettings.Variables.All;

    /// <summary>The tables <see cref="Create(Func{string, string?})"/> composes.</summary>
    public static IReadOnlyList<TableDefinition> Tables { get; } = [TableCatalog.ChatRelay];

    /// <summary>Every IAM action the composed clients can call: the chatRelay table's, GetSecretValue on the bot token's secret.</summary>
    public static IReadOnlyList<string> IamActions { get; } = [.. ChatRelayStore.IamActions, .. SecretsManagerClient.IamActions];

    public static ChatRelayFunction Create(Func<string, string?> environment) =>
        Create(environment, AwsClientFactory.FromEnvironment(environment), CreateSlackHttpClient());

    /// <summary>As <see cref="Create(Func{string, string?})"/> with the AWS clients' factory and Slack's HTTP client given (tests).</summary>
    public static ChatRelayFunction Create(Func<string, string?> environment, AwsClientFactory aws, HttpClient slackHttp)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(slackHttp);
        var settings = ChatRelaySettings.Read(environment);
        var time = TimeProvider.System;
        var store = new ChatRelayStore(DynamoDbClientFactory.Create(environment), settings.TableName);
        var secrets = settings.SlackBotTokenSecretArn is null ? null : aws.CreateSecretsManager(settings.SlackBotTokenSecretRegion);
        var relay = new SlackRelay(
            new SlackClient(slackHttp, settings.SlackApiUrl),
            new SecretsManagerSlackBotTokenSource(secrets, settings.SlackBotTokenSecretArn),
            store,
            time);
        if (settings.SlackBotTokenSecretArn is null)
        {
            JsonLambdaLogger.FromEnvironment(environment).Log(
                LambdaLogLevel.Warning,
                $"{ChatRelaySettings.Variables.SlackBotTokenSecretArn} is not set: every message will be answered 503 until it names the secret holding the Slack bot token");
        }

        return new ChatRelayFunction(new HipChatHttpApi(store, relay, time, Random.Shared.Next), new AlertHandler(relay, settings.AlertChannel));
    }

    public static HttpClient CreateSlackHttpClient() => new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(3),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = SlackTimeout,
    };

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var detected = EventShapeDetector.Read(eventJson.Span);
        switch (detected.Shape)
        {
            case EventShape.Http:
                return await InvokeHttpAsync(eventJson, detected.HttpKind, context).ConfigureAwait(false);
            case EventShape.Sns:
                var answer = await alertDoor.HandleAsync(eventJson, context.Deadline, context.Logger, context.CancellationToken).ConfigureAwait(false);
                return JsonSerializer.SerializeToUtf8Bytes(answer, ChatRelayJsonContext.Default.AlertAnswer);
            default:
                throw new LambdaEventException($"ChatRelay takes HTTP requests (ALB, API Gateway) and SNS notifications; this event is {detected.Shape}.");
        }
    }

    private async Task<byte[]> InvokeHttpAsync(ReadOnlyMemory<byte> eventJson, HttpEventKind kind, ILambdaContext context)
    {
        if (!HttpEventParser.TryParse(eventJson.Span, kind, out var request))
        {
            context.Logger.Log(LambdaLogLevel.Warning, "http unreadable", [new("kind", kind.ToString())]);
            return HttpResponseWriter.Write(kind, HipChatAnswers.Unreadable());
        }

        HttpResponse response;
        try
        {
            response = await httpDoor.HandleAsync(request, request.RequestId ?? context.AwsRequestId, context.Deadline, context.Logger, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            // The fault's text can hold AWS error messages but never the request: the token is only ever hashed.
            context.Logger.Log(LambdaLogLevel.Error, "http fault", [new("method", request.Method), new("path", request.Path)], fault);
            response = HipChatAnswers.InternalError();
        }

        context.Logger.Log(
            response.StatusCode >= 500 ? LambdaLogLevel.Error : response.StatusCode >= 400 ? LambdaLogLevel.Warning : LambdaLogLevel.Information,
            "http " + request.Method,
            [new("path", request.Path), new("status", response.StatusCode.ToString(CultureInfo.InvariantCulture))]);
        return HttpResponseWriter.Write(request, response);
    }
}
