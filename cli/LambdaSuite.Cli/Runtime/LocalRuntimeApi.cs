using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Channels;
using LambdaSuite.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaSuite.Cli.Runtime;

/// <summary>
/// The Lambda Runtime API (2018-06-01) on loopback Kestrel (127.0.0.1, a free port), serving queued events to a
/// custom runtime and recording its responses, invocation errors and init error. <c>invoke</c>, the cold-start
/// bench and the process tests run real <c>bootstrap</c> executables against it.
/// </summary>
public sealed class LocalRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";

    private readonly Channel<LocalInvocation> _pending = Channel.CreateUnbounded<LocalInvocation>();
    private readonly ConcurrentDictionary<string, LocalInvocation> _byRequestId = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<LambdaError> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebApplication _app;
    private int _nextRequests;

    private LocalRuntimeApi(WebApplication app) => _app = app;

    /// <summary>host:port, the value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string HostAndPort { get; private set; } = "";

    /// <summary>Completes when the runtime posts <c>init/error</c>.</summary>
    public Task<LambdaError> InitError => _initError.Task;

    /// <summary>How many <c>invocation/next</c> requests arrived (a runtime that keeps serving asks again).</summary>
    public int NextRequests => Volatile.Read(ref _nextRequests);

    public static async Task<LocalRuntimeApi> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new LocalRuntimeApi(app);
        app.MapGet(Prefix + "/invocation/next", api.NextAsync);
        app.MapPost(Prefix + "/invocation/{requestId}/response", context => api.CompleteAsync(context, isError: false));
        app.MapPost(Prefix + "/invocation/{requestId}/error", context => api.CompleteAsync(context, isError: true));
        app.MapPost(Prefix + "/init/error", api.InitErrorAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.HostAndPort = new Uri(address).Authority;
        return api;
    }

    public LocalInvocation Enqueue(ReadOnlyMemory<byte> eventJson, LocalInvocationOptions? options = null)
    {
        var invocation = new LocalInvocation(Guid.NewGuid().ToString(), eventJson.ToArray(), options ?? LocalInvocationOptions.Default);
        _byRequestId[invocation.RequestId] = invocation;
        _pending.Writer.TryWrite(invocation);
        return invocation;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>An unsampled X-Ray trace header: Root=1-{epoch seconds, hex}-{96 random bits}.</summary>
    public static string NewTraceId()
    {
        var epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        var root = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var parent = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return $"Root=1-{epoch}-{root};Parent={parent};Sampled=0";
    }

    private async Task NextAsync(HttpContext context)
    {
        Interlocked.Increment(ref _nextRequests);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        LocalInvocation invocation;
        try
        {
            invocation = await _pending.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        invocation.PickedUpTimestamp = Stopwatch.GetTimestamp();

        // Like Lambda, the deadline starts when the runtime receives the event.
        invocation.DeadlineMs = (DateTimeOffset.UtcNow + invocation.Options.Timeout).ToUnixTimeMilliseconds();
        invocation.TraceId = invocation.Options.TraceId ?? NewTraceId();
        var headers = context.Response.Headers;
        headers[RuntimeApiHeaders.RequestId] = invocation.RequestId;
        headers[RuntimeApiHeaders.DeadlineMs] = invocation.DeadlineMs.Value.ToString(CultureInfo.InvariantCulture);
        headers[RuntimeApiHeaders.InvokedFunctionArn] = invocation.Options.InvokedFunctionArn;
        headers[RuntimeApiHeaders.TraceId] = invocation.TraceId;
        SetIfPresent(headers, RuntimeApiHeaders.ClientContext, invocation.Options.ClientContext);
        SetIfPresent(headers, RuntimeApiHeaders.CognitoIdentity, invocation.Options.CognitoIdentity);
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(invocation.EventJson, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task CompleteAsync(HttpContext context, bool isError)
    {
        var requestId = (string)context.Request.RouteValues["requestId"]!;
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var received = Stopwatch.GetTimestamp();
        if (!_byRequestId.TryGetValue(requestId, out var invocation))
        {
            await RejectAsync(context, "InvalidRequestID", $"No invocation has request id {requestId}.").ConfigureAwait(false);
            return;
        }

        var errorType = context.Request.Headers[RuntimeApiHeaders.FunctionErrorType].FirstOrDefault();
        if (!invocation.Complete(new InvocationOutcome(requestId, isError, body, errorType, received)))
        {
            await RejectAsync(context, "InvalidStateTransition", $"Invocation {requestId} already has a result.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        LambdaError error;
        try
        {
            error = LambdaError.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            error = new LambdaError(System.Text.Encoding.UTF8.GetString(body), context.Request.Headers[RuntimeApiHeaders.FunctionErrorType].FirstOrDefault() ?? "", []);
        }

        _initError.TrySetResult(error);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task RejectAsync(HttpContext context, string errorType, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(new LambdaError(message, errorType, []).ToUtf8Json(), context.RequestAborted).ConfigureAwait(false);
    }

    private static void SetIfPresent(IHeaderDictionary headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }
}
