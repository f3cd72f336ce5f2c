using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaSuite.Harness;

/// <summary>
/// A bare Kestrel on 127.0.0.1 and a free port, answering every request with one handler: what the loopback fakes
/// and stubs (Route 53, the SigV4-checking AWS stub) are served by. No routing, no logging, nothing else loaded.
/// </summary>
public static class LoopbackServer
{
    /// <summary>Starts the server; <paramref name="handle"/> may read state set after this returns (requests arrive later).</summary>
    public static async Task<(WebApplication App, Uri Endpoint)> StartAsync(RequestDelegate handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new Uri(address + "/"));
    }
}
