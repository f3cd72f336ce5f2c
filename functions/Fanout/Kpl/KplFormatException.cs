namespace Fanout.Kpl;

/// <summary>A record that starts with the KPL magic but is not a valid aggregate; carries where reading stopped.</summary>
internal sealed class KplFormatException(string message, int offset, int length)
    : Exception($"{message} (offset {offset} of {length} bytes)")
{
    public int Offset { get; } = offset;

    public int Length { get; } = length;
}
