namespace LambdaSuite.Aws.Http;

/// <summary>The wire protocols the in-house clients speak; each has its own error format.</summary>
public enum AwsProtocol
{
    /// <summary>Form-encoded request, XML response (SNS, STS).</summary>
    Query,

    /// <summary>JSON 1.0/1.1 with <c>X-Amz-Target</c> (SQS, Kinesis, Firehose).</summary>
    Json,

    /// <summary>REST with JSON errors (Lambda, IoT Data).</summary>
    RestJson,

    /// <summary>REST with XML bodies and errors (Route 53).</summary>
    RestXml,
}
