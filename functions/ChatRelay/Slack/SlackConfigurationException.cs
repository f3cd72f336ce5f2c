namespace ChatRelay.Slack;

/// <summary>The bot token cannot be had; the message names the variable, the secret and what to do, and never holds a secret value.</summary>
internal sealed class SlackConfigurationException : Exception
{
    public SlackConfigurationException()
    {
    }

    public SlackConfigurationException(string message)
        : base(message)
    {
    }

    public SlackConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
