namespace DnsMirror.Rfc2136;

/// <summary>The target rejected an UPDATE (RFC 2136 §2.2 RCODE: REFUSED, NOTAUTH, NOTZONE, ...).</summary>
internal sealed class Rfc2136Exception : Exception
{
    public Rfc2136Exception()
    {
    }

    public Rfc2136Exception(string message)
        : base(message)
    {
    }

    public Rfc2136Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
