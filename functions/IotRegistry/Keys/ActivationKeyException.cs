namespace IotRegistry.Keys;

/// <summary>The activation-code key could not be loaded; the message is one sentence naming the variable and the problem, never the key.</summary>
public sealed class ActivationKeyException : Exception
{
    public ActivationKeyException()
    {
    }

    public ActivationKeyException(string message)
        : base(message)
    {
    }

    public ActivationKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
