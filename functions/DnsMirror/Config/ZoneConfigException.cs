namespace DnsMirror.Config;

/// <summary>A zone's settings are missing or wrong; the sync of that zone does not start.</summary>
internal sealed class ZoneConfigException : Exception
{
    public ZoneConfigException()
    {
    }

    public ZoneConfigException(string message)
        : base(message)
    {
    }

    public ZoneConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
