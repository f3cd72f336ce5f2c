namespace LambdaSuite.Runtime;

/// <summary>The Runtime API answered with an unexpected status or an invocation it cannot describe.</summary>
public sealed class LambdaRuntimeApiException : Exception
{
    public LambdaRuntimeApiException()
    {
    }

    public LambdaRuntimeApiException(string message)
        : base(message)
    {
    }

    public LambdaRuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LambdaRuntimeApiException(string message, int statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>HTTP status the Runtime API answered with, when the failure was one.</summary>
    public int? StatusCode { get; }
}
