using System.Collections.Concurrent;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LambdaSuite.TestKit.Stubs;

/// <summary>
/// A loopback AWS endpoint on 127.0.0.1 and a free port. Every request is captured as sent (raw target, headers,
/// body) and its SigV4 signature verified by <see cref="SigV4Verifier"/>; a bad signature is answered 403 as AWS
/// would. Answers come from the scripted queue (<see cref="Enqueue"/>), then <see cref="Responder"/>, then 200 empty.
/// </summary>
public sealed class AwsStubServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private readonly ConcurrentQueue<StubResponse> _script = new();
    private readonly WebApplication _app;

    private AwsStubServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    /// <summary>Answers requests once the scripted queue is empty.</summary>
    public Func<CapturedRequest, StubResponse>? Responder { get; set; }

    public Func<string, string?> SecretForAccessKey { get; set; } = StubCredentials.SecretFor;

    public static async Task<AwsStubServer> StartAsync()
    {
        AwsStubServer? server = null;
        var (app, endpoint) = await LoopbackServer.StartAsync(context => server!.HandleAsync(context));
        server = new AwsStubServer(app, endpoint);
        return server;
    }

    public AwsStubServer Enqueue(params StubResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var check = SigV4Verifier.Verify(context.Request.Method, rawTarget, headers, body, SecretForAccessKey, DateTimeOffset.UtcNow);
        var captured = new CapturedRequest(context.Request.Method, rawTarget, headers, body, check);
        _requests.Enqueue(captured);

        var response = !check.IsValid
            ? StubResponse.Json($$"""{"__type":"InvalidSignatureException","message":"{{check.Reason}}"}""", 403)
            : _script.TryDequeue(out var scripted) ? scripted : Responder?.Invoke(captured) ?? StubResponse.Empty();
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }
}
