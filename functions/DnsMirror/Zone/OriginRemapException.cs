namespace DnsMirror.Zone;

/// <summary>A record cannot be mirrored under the zone's MirrorAs name; the zone fails before anything is applied.</summary>
internal sealed class OriginRemapException : Exception
{
    public OriginRemapException()
    {
    }

    public OriginRemapException(string message)
        : base(message)
    {
    }

    public OriginRemapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
