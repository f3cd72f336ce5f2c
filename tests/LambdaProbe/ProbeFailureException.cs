namespace LambdaProbe;

/// <summary>Thrown on <c>{"fail":true}</c> so tests can see the handler's own error type reach the Runtime API.</summary>
public sealed class ProbeFailureException : Exception
{
    public ProbeFailureException()
    {
    }

    public ProbeFailureException(string message)
        : base(message)
    {
    }

    public ProbeFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
