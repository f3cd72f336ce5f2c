namespace DnsMirror.Wire;

/// <summary>
/// A DNS message that does not follow RFC 1035's wire format. Carries where in the message parsing stopped
/// so a bad packet can be reported (and reproduced) precisely.
/// </summary>
internal sealed class DnsFormatException : Exception
{
    public DnsFormatException()
    {
    }

    public DnsFormatException(string message)
        : base(message)
    {
    }

    public DnsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DnsFormatException(string message, int offset, int length)
        : base($"{message} (offset {offset} of {length})")
    {
        Offset = offset;
        Length = length;
    }

    /// <summary>Offset into the message where the problem was found.</summary>
    public int Offset { get; }

    /// <summary>Length of the message being parsed.</summary>
    public int Length { get; }
}
