using System.Net;
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

namespace LambdaSuite.TestKit.Runtime;

/// <summary>
/// A scripted Lambda Runtime API on loopback Kestrel (127.0.0.1, free port) for host tests: tests queue events
/// with exact headers, read back every POST as raw wire data, and can make POSTs fail with a chosen status.
/// </summary>
public sealed class RuntimeApiStub : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";

    private readonly Channel<StubInvocation> _pending = Channel.CreateUnbounded<StubInvocation>();
    private readonly Channel<RecordedPost> _posts = Channel.CreateUnbounded<RecordedPost>();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    private RuntimeApiStub()
    {
    }

    /// <summary>host:port, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string HostAndPort { get; private set; } = "";

    /// <summary>Status answered to POSTs; set to e.g. 413 to see how the host copes with a refused response.</summary>
    public int PostStatusCode { get; set; } = StatusCodes.Status202Accepted;

    public int NextCalls { get; private set; }

    public static async Task<RuntimeApiStub> StartAsync()
    {
        var stub = new RuntimeApiStub();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet(Prefix + "/invocation/next", stub.NextAsync);
        app.MapPost(Prefix + "/{**rest}", stub.RecordPostAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub._app = app;
        stub.HostAndPort = new Uri(address).Authority;
        return stub;
    }

    public void Enqueue(string body, IReadOnlyDictionary<string, string> headers) =>
        Enqueue(new StubInvocation(System.Text.Encoding.UTF8.GetBytes(body), headers));

    public void Enqueue(StubInvocation invocation) => _pending.Writer.TryWrite(invocation);

    /// <summary>An invocation with a request id and a deadline a minute away, the minimum a real API sends.</summary>
    public static Dictionary<string, string> Headers(string requestId, DateTimeOffset? deadline = null) => new()
    {
        [RuntimeApiHeaders.RequestId] = requestId,
        [RuntimeApiHeaders.DeadlineMs] = (deadline ?? DateTimeOffset.UtcNow.AddMinutes(1)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        [RuntimeApiHeaders.InvokedFunctionArn] = "arn:aws:lambda:us-east-1:123456789012:function:stub",
    };

    /// <summary>Waits for the next POST the host makes; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<RecordedPost> NextPostAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _posts.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task NextAsync(HttpContext context)
    {
        NextCalls++;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        StubInvocation invocation;
        try
        {
            invocation = await _pending.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        foreach (var (name, value) in invocation.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(invocation.Body, context.RequestAborted);
    }

    private async Task RecordPostAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        // The raw target keeps the request id exactly as the client escaped it.
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        _posts.Writer.TryWrite(new RecordedPost(target.Substring(Prefix.Length), headers, body.ToArray()));
        context.Response.StatusCode = PostStatusCode;
    }
}
