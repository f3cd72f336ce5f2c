namespace Fanout.Tests.Support;

/// <summary>
/// A transport that counts each request on its way to the socket, then lets it fail or pass as the network decides:
/// the count of sends when no server answers (connection refused), where a stub sees nothing.
/// </summary>
internal sealed class CountingHandler(Action counted) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counted();
        return base.SendAsync(request, cancellationToken);
    }
}
