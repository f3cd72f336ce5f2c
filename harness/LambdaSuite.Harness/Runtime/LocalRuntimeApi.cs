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
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaSuite.Harness.Runtime;

/// <summary>
/// The Lambda Runtime API (2018-06-01) on loopback Kestrel (127.0.0.1, a free port), serving queued events to a
/// custom runtime and recording its responses, invocation errors and init error. <c>invoke</c>, the benchmarks, the
/// demo and the process tests run real <c>bootstrap</c> executables against it; the runtime host's own tests script
/// it: events with exact (even missing) headers, every POST kept as raw wire data, POSTs refused with a chosen status.
/// </summary>
public sealed class LocalRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private const string InvocationPath = "/invocation/";
    private const string InitErrorPath = "/init/error";

    private readonly Channel<LocalInvocation> _pending = Channel.CreateUnbounded<LocalInvocation>();
    private readonly ConcurrentDictionary<string, LocalInvocation> _byRequestId = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<LambdaError> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebApplication _app;

    // Null unless the endpoint was started to record: a bench session serves many thousands of invocations.
    private readonly Channel<RecordedPost>? _posts;
    private int _nextRequests;
    private int _refuseWith;

    private LocalRuntimeApi(WebApplication app, bool recordPosts)
    {
        _app = app;
        _posts = recordPosts ? Channel.CreateUnbounded<RecordedPost>() : null;
    }

    /// <summary>host:port, the value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string HostAndPort { get; private set; } = "";

    /// <summary>Completes when the runtime posts <c>init/error</c>.</summary>
    public Task<LambdaError> InitError => _initError.Task;

    /// <summary>How many <c>invocation/next</c> requests arrived (a runtime that keeps serving asks again).</summary>
    public int NextRequests => Volatile.Read(ref _nextRequests);

    /// <summary>
    /// When set (e.g. 413), every POST is answered with this status and completes nothing, to see how a runtime copes
    /// with a refusal; null (the default) answers as Lambda does.
    /// </summary>
    public int? RefuseWith
    {
        get => Volatile.Read(ref _refuseWith) is var status and not 0 ? status : null;
        set => Volatile.Write(ref _refuseWith, value ?? 0);
    }

    public static Task<LocalRuntimeApi> StartAsync(CancellationToken cancellationToken = default) => StartAsync(recordPosts: false, cancellationToken);

    /// <summary>An endpoint that also keeps every POST for <see cref="NextPostAsync"/>: for tests of a runtime's wire behaviour.</summary>
    public static Task<LocalRuntimeApi> StartRecordingAsync(CancellationToken cancellationToken = default) => StartAsync(recordPosts: true, cancellationToken);

    private static async Task<LocalRuntimeApi> StartAsync(bool recordPosts, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new LocalRuntimeApi(app, recordPosts);
        app.MapGet(Prefix + "/invocation/next", api.NextAsync);
        app.MapPost(Prefix + "/{**rest}", api.PostAsync);
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

    /// <summary>
    /// Queues an event sent with exactly <paramref name="headers"/> and nothing else (see <see cref="ExactHeaders"/>):
    /// a missing request id or deadline is the runtime's problem, which is the point.
    /// </summary>
    public LocalInvocation EnqueueExact(string eventText, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var requestId = headers.TryGetValue(RuntimeApiHeaders.RequestId, out var id) ? id : "";
        var invocation = new LocalInvocation(requestId, System.Text.Encoding.UTF8.GetBytes(eventText), LocalInvocationOptions.Default, headers);
        if (requestId.Length > 0)
        {
            _byRequestId[requestId] = invocation;
        }

        _pending.Writer.TryWrite(invocation);
        return invocation;
    }

    /// <summary>The headers a real Runtime API sends at least: a request id, a deadline (a minute away by default), the ARN.</summary>
    public static Dictionary<string, string> ExactHeaders(string requestId, DateTimeOffset? deadline = null) => new()
    {
        [RuntimeApiHeaders.RequestId] = requestId,
        [RuntimeApiHeaders.DeadlineMs] = (deadline ?? DateTimeOffset.UtcNow.AddMinutes(1)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        [RuntimeApiHeaders.InvokedFunctionArn] = "arn:aws:lambda:us-east-1:123456789012:function:stub",
    };

    /// <summary>The next POST the runtime made, from an endpoint started with <see cref="StartRecordingAsync"/>; fails after <paramref name="timeout"/> (10 s).</summary>
    public async Task<RecordedPost> NextPostAsync(TimeSpan? timeout = null)
    {
        var posts = _posts ?? throw new InvalidOperationException("This endpoint keeps no POSTs: start it with StartRecordingAsync.");
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await posts.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
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
        context.Response.ContentType = "application/json";
        if (invocation.ExactHeaders is { } exact)
        {
            foreach (var (name, value) in exact)
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.Body.WriteAsync(invocation.EventJson, context.RequestAborted).ConfigureAwait(false);
            return;
        }

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
        await context.Response.Body.WriteAsync(invocation.EventJson, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task PostAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var received = Stopwatch.GetTimestamp();

        // The raw target keeps the request id exactly as the client escaped it.
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = target.StartsWith(Prefix, StringComparison.Ordinal) ? target[Prefix.Length..] : target;
        _posts?.Writer.TryWrite(new RecordedPost(path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        if (RefuseWith is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        if (path == InitErrorPath)
        {
            CompleteInit(context, body);
            return;
        }

        if (TryParseInvocationPost(path, out var requestId, out var isError))
        {
            await CompleteAsync(context, requestId, isError, body, received).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary><c>/invocation/{requestId}/response</c> or <c>.../error</c>, the id unescaped.</summary>
    private static bool TryParseInvocationPost(string path, out string requestId, out bool isError)
    {
        requestId = "";
        isError = path.EndsWith("/error", StringComparison.Ordinal);
        var suffix = isError ? "/error" : "/response";
        if (!path.StartsWith(InvocationPath, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal)
            || path.Length <= InvocationPath.Length + suffix.Length)
        {
            return false;
        }

        var escaped = path[InvocationPath.Length..^suffix.Length];
        if (escaped.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        requestId = Uri.UnescapeDataString(escaped);
        return true;
    }

    private async Task CompleteAsync(HttpContext context, string requestId, bool isError, byte[] body, long received)
    {
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

    private void CompleteInit(HttpContext context, byte[] body)
    {
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
