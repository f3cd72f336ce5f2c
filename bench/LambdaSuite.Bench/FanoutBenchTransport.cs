using System.Net;
using System.Text;

namespace LambdaSuite.Bench;

/// <summary>
/// The HTTP send, and only it, replaced: requests arrive here signed and serialized, are counted (calls and body
/// bytes), and get the service's success answer. Everything before the socket runs as in production.
/// </summary>
internal sealed class FanoutBenchTransport : HttpMessageHandler
{
    private static readonly byte[] s_kinesis = """{"FailedRecordCount":0,"Records":[]}"""u8.ToArray();
    private static readonly byte[] s_sqs = SqsAnswer();
    private static readonly byte[] s_sns = SnsAnswer();
    private static readonly HttpRequestOptionsKey<string> s_serviceOption = new(LambdaSuite.Aws.Http.AwsSigningHandler.ServiceOptionKey);
    private long _calls;
    private long _bytes;

    public long Calls => Interlocked.Read(ref _calls);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>When set, each request's URI, signing service and body are copied here (the phase breakdown signs and hashes them again alone).</summary>
    public List<FanoutBenchRequest>? Captured { get; set; }

    public void Reset()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The content is written out as a socket would take it (no copy kept): the bench counts the handler's bytes, not its own.
        var counter = new CountingStream();
        if (Captured is { } captured && request.Content is not null)
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            request.Options.TryGetValue(s_serviceOption, out var service);
            captured.Add(new FanoutBenchRequest(request.RequestUri!, service ?? "", request.Content.Headers.ContentType?.ToString(), body));
            counter.Write(body);
        }
        else if (request.Content is not null)
        {
            await request.Content.CopyToAsync(counter, cancellationToken).ConfigureAwait(false);
        }

        if (!request.Headers.Contains("Authorization"))
        {
            throw new InvalidOperationException("Request reached the transport unsigned.");
        }

        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _bytes, counter.Length);
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "";
        var (answer, type) = target.StartsWith("Kinesis", StringComparison.Ordinal) ? (s_kinesis, "application/x-amz-json-1.1")
            : target.StartsWith("AmazonSQS", StringComparison.Ordinal) ? (s_sqs, "application/x-amz-json-1.0")
            : (s_sns, "text/xml");
        var content = new ByteArrayContent(answer);
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>
    /// SendMessageBatch's answer when all ten entries are enqueued, in the shape SQS sends it (moto's too): one
    /// Successful entry per message with its id, message id and the MD5 digests of body and attributes, and an empty
    /// Failed list. Every call here sends ten messages, so the client reads what it would read live.
    /// </summary>
    private static byte[] SqsAnswer()
    {
        var entries = Enumerable.Range(0, 10).Select(i =>
            $$"""{"Id":"{{i}}","MessageId":"5fea7756-0ea4-451a-a703-a558b933e27{{i}}","MD5OfMessageBody":"fafb00f5732ab283681e124bf8747ed{{i}}","MD5OfMessageAttributes":"3ae8f24a165a8cedc005670c81a2770{{i}}"}""");
        return Encoding.UTF8.GetBytes("{\"Successful\":[" + string.Join(',', entries) + "],\"Failed\":[]}");
    }

    /// <summary>
    /// PublishBatch's answer when all ten entries are published, in the shape SNS sends it: one Successful member per
    /// message with its id and message id, an empty Failed list and the request id, so the client reads what it would
    /// read live (an answer without members understated the read).
    /// </summary>
    private static byte[] SnsAnswer()
    {
        var members = Enumerable.Range(0, 10).Select(i =>
            $"<member><MessageId>0c9f6b1a-6f5e-5c3a-9b1e-2d6f3c8a7e5{i}</MessageId><Id>{i}</Id></member>");
        return Encoding.UTF8.GetBytes("<PublishBatchResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishBatchResult><Failed/><Successful>"
            + string.Concat(members) + "</Successful></PublishBatchResult><ResponseMetadata><RequestId>3f1e9a52-8c4d-5b7e-a6f0-1d2c3b4a5e6f</RequestId></ResponseMetadata></PublishBatchResponse>");
    }

    /// <summary>A write-only sink that keeps only the byte count.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
