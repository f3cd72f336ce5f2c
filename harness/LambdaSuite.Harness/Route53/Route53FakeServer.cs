using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LambdaSuite.Harness.Route53;

/// <summary>
/// A <see cref="FakeRoute53"/> on its own loopback Kestrel (127.0.0.1, a free port), for a packaged bootstrap to
/// reach through <c>AWS_ENDPOINT_URL_ROUTE_53</c>. Signatures are not checked here (the tests' stub server does
/// that); it also measures its own answering time, so a benchmark can take Route 53's share out of its figure.
/// </summary>
public sealed class Route53FakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _serverTicks;
    private long _heldTicks;

    private Route53FakeServer(WebApplication app, Uri endpoint, FakeRoute53 zone)
    {
        _app = app;
        Endpoint = endpoint;
        Zone = zone;
    }

    public Uri Endpoint { get; }

    public FakeRoute53 Zone { get; }

    /// <summary>
    /// Time spent answering since the last <see cref="ResetServerTime"/>, from the request's first byte read to the
    /// answer written: what Route 53 itself would spend.
    /// </summary>
    public TimeSpan ServerTime => TimeSpan.FromTicks(Interlocked.Read(ref _serverTicks));

    public static async Task<Route53FakeServer> StartAsync(FakeRoute53 zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Route53FakeServer? server = null;
        var (app, endpoint) = await LoopbackServer.StartAsync(context => server!.HandleAsync(context)).ConfigureAwait(false);
        server = new Route53FakeServer(app, endpoint, zone);
        return server;
    }

    /// <summary>
    /// When set, a request the zone's buckets (<see cref="FakeRoute53.RequestBudget"/>, <see cref="FakeRoute53.ChangeBudget"/>)
    /// cannot pay yet is held until they can, and then answered: the caller waits what pacing itself to Route 53's
    /// buckets would make it wait (as the function's own pacers do against AWS's endpoint), instead of being throttled.
    /// </summary>
    public bool HoldUntilPaid { get; set; }

    /// <summary>Time requests were held by <see cref="HoldUntilPaid"/> since the last <see cref="ResetServerTime"/>; not part of <see cref="ServerTime"/>.</summary>
    public TimeSpan HeldTime => TimeSpan.FromTicks(Interlocked.Read(ref _heldTicks));

    public void ResetServerTime()
    {
        Interlocked.Exchange(ref _serverTicks, 0);
        Interlocked.Exchange(ref _heldTicks, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        long held = 0;
        try
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            if (HoldUntilPaid)
            {
                // Only the waits count as held: reading the batch to price it is the fake's own work.
                TimeSpan wait;
                while ((wait = Zone.TimeUntilPaid(context.Request.Method, body.GetBuffer().AsSpan(0, (int)body.Length))) > TimeSpan.Zero)
                {
                    var sleeping = Stopwatch.GetTimestamp();
                    await Task.Delay(wait, context.RequestAborted).ConfigureAwait(false);
                    held += Stopwatch.GetElapsedTime(sleeping).Ticks;
                }

                Interlocked.Add(ref _heldTicks, held);
            }

            if (context.Request.Method == "GET" && Zone.ListDelay > TimeSpan.Zero && !context.Request.Path.StartsWithSegments("/2013-04-01/change", StringComparison.Ordinal))
            {
                await Task.Delay(Zone.ListDelay, context.RequestAborted).ConfigureAwait(false);
            }

            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            var (status, answer) = Zone.Respond(context.Request.Method, context.Request.Path.Value ?? "", query, body.GetBuffer().AsSpan(0, (int)body.Length));
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/xml";
            await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Add(ref _serverTicks, Stopwatch.GetElapsedTime(started).Ticks - held);
        }
    }
}
