namespace DnsMirror.Wire;

/// <summary>How <c>\NNN</c> escapes in presentation text are read and written.</summary>
internal enum NameEscapeStyle
{
    /// <summary>RFC 1035 §5.1 master files: <c>\DDD</c> is a decimal octet value.</summary>
    Decimal,

    /// <summary>Route 53's API: <c>\ooo</c> is an octal octet value (so <c>\052</c> is <c>*</c>).</summary>
    Octal,
}
