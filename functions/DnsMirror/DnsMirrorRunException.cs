namespace DnsMirror;

/// <summary>At least one zone of the invocation failed; the others were synced and every outcome recorded.</summary>
internal sealed class DnsMirrorRunException : Exception
{
    public DnsMirrorRunException()
    {
    }

    public DnsMirrorRunException(string message)
        : base(message)
    {
    }

    public DnsMirrorRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
