namespace DnsMirror.Wire;

/// <summary>
/// Remembers the last few owner names as text: zone transfers list many RRs per owner in a row, so
/// reusing the string saves one allocation per record.
/// </summary>
internal sealed class OwnerNameCache
{
    private readonly byte[] _lastWire = new byte[DnsWireReader.MaxNameLength];
    private int _lastLength;
    private string? _lastText;

    public string Get(ReadOnlySpan<byte> wireName)
    {
        if (_lastText is not null && wireName.SequenceEqual(_lastWire.AsSpan(0, _lastLength)))
        {
            return _lastText;
        }

        wireName.CopyTo(_lastWire);
        _lastLength = wireName.Length;
        _lastText = DomainNameText.Format(wireName);
        return _lastText;
    }
}
