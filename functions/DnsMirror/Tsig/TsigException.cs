namespace DnsMirror.Tsig;

/// <summary>A TSIG failure (RFC 8945 §5): bad MAC, unknown key, time outside the fudge, or an unsigned response.</summary>
internal sealed class TsigException : Exception
{
    public TsigException()
    {
    }

    public TsigException(string message)
        : base(message)
    {
    }

    public TsigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
