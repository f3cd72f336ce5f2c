namespace DnsMirror.Route53;

/// <summary>One token of a Route 53 value: bare text, or a quoted string decoded to its octets.</summary>
internal readonly record struct ValueToken(string Text, byte[]? Quoted)
{
    public bool IsQuoted => Quoted is not null;
}
