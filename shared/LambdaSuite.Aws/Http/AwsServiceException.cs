using System.Net;

namespace LambdaSuite.Aws.Http;

/// <summary>
/// An error answer from an AWS service, parsed from whichever format its protocol uses. Mirrors the SDK's
/// AmazonServiceException (ErrorCode, StatusCode, RequestId) so callers can switch to the official clients.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string service, string operation, HttpStatusCode statusCode, string errorCode, string message, string? requestId, bool isThrottling, bool isRetryable)
        : base($"{service} {operation} failed with {(int)statusCode} {errorCode}: {message}")
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = message;
        RequestId = requestId;
        IsThrottling = isThrottling;
        IsRetryable = isRetryable;
    }

    /// <summary>SigV4 signing name of the service (sns, sqs, kinesis, ...).</summary>
    public string Service { get; }

    public string Operation { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The service's error code without namespace or URL decoration (e.g. <c>ThrottlingException</c>).</summary>
    public string ErrorCode { get; }

    /// <summary>The service's own message, without the service/operation prefix of <see cref="Exception.Message"/>.</summary>
    public string ErrorMessage { get; }

    public string? RequestId { get; }

    public bool IsThrottling { get; }

    /// <summary>True for throttling, 5xx and transient codes: the same request may succeed later.</summary>
    public bool IsRetryable { get; }
}
