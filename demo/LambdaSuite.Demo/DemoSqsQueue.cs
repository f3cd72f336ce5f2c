using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace LambdaSuite.Demo;

/// <summary>
/// The dead-letter queue of the Fanout scene: the local stack has no SQS, so a loopback listener takes
/// SendMessageBatch (JSON 1.0), keeps each message body and answers that every entry was accepted.
/// </summary>
public sealed class DemoSqsQueue : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<string> _messages = [];
    private readonly Task _loop;

    public DemoSqsQueue()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _listener.Prefixes.Add(Endpoint);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The value for <c>AWS_ENDPOINT_URL_SQS</c>.</summary>
    public string Endpoint { get; }

    public string QueueUrl => Endpoint + "000000000000/fanout-demo-dead-letter";

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(2));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream).ConfigureAwait(false))
            {
                if (document.RootElement.TryGetProperty("Entries", out var entries))
                {
                    lock (_messages)
                    {
                        _messages.AddRange(entries.EnumerateArray().Select(e => e.GetProperty("MessageBody").GetString() ?? ""));
                    }
                }
            }

            var answer = """{"Successful":[],"Failed":[]}"""u8.ToArray();
            context.Response.ContentType = "application/x-amz-json-1.0";
            context.Response.ContentLength64 = answer.Length;
            await context.Response.OutputStream.WriteAsync(answer).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    /// <summary>Only for display: a message body shortened to one line.</summary>
    public static string Short(string body) => body.Length <= 140 ? body : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(body)[..140]) + "…";
}
