namespace LambdaSuite.Runtime;

/// <summary>
/// The event does not have the shape the function expects. The host reports it as an invocation error whose
/// errorType is this class's name, so a caller sees what was wrong with its payload rather than a crash.
/// </summary>
public sealed class LambdaEventException : Exception
{
    public LambdaEventException()
    {
    }

    public LambdaEventException(string message)
        : base(message)
    {
    }

    public LambdaEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
