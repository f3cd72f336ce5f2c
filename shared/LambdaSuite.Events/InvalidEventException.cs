namespace LambdaSuite.Events;

/// <summary>An event did not have the shape its parser expects (bad JSON, missing required field, bad base64).</summary>
public sealed class InvalidEventException : Exception
{
    public InvalidEventException()
    {
    }

    public InvalidEventException(string message)
        : base(message)
    {
    }

    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
