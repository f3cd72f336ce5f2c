namespace LambdaSuite.TestKit.Mutation;

/// <summary>
/// Damages valid wire bytes or event text the way a hostile or broken peer would, for property tests: each step
/// is (kind, position, operand) as a generator draws them, so a failing case shrinks to a few readable steps.
/// Kinds: 0 flip bits, 1 insert a byte, 2 delete a byte, 3 truncate, 4 splice in a piece of a donor, 5 duplicate a
/// run, 6 set a 16-bit field to an extreme (0, 0xFFFF, 0x8000, a compression pointer backwards or at itself), 7 set
/// a byte to an extreme (0x00, 0xFF, 0x7F, 0x80, 0x3F, 0xC0). The result never exceeds <paramref name="maxLength"/>
/// octets, so a DNS message still fits one TCP frame.
/// </summary>
public static class ByteMutator
{
    public const int Kinds = 8;

    private static readonly ushort[] s_extreme16 = [0x0000, 0xFFFF, 0x7FFF, 0x8000, 0x0001];

    private static readonly byte[] s_extreme8 = [0x00, 0xFF, 0x7F, 0x80, 0x3F, 0x40, 0xC0, 0x01];

    public static byte[] Apply(ReadOnlySpan<byte> valid, IEnumerable<(int Kind, int Position, int Operand)> steps, ReadOnlySpan<byte> donor = default, int maxLength = ushort.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var bytes = new List<byte>(valid.ToArray());
        var donorBytes = donor.ToArray();
        foreach (var (kind, position, operand) in steps)
        {
            var at = bytes.Count == 0 ? 0 : (int)((uint)position % (uint)bytes.Count);
            var value = (uint)operand;
            switch (((kind % Kinds) + Kinds) % Kinds)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 + (value % 255));
                    break;
                case 1:
                    bytes.Insert(at, (byte)value);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4 when donorBytes.Length > 0:
                    var from = (int)(value % (uint)donorBytes.Length);
                    var length = Math.Min(1 + (int)(value / 7 % 32), donorBytes.Length - from);
                    bytes.InsertRange(at, donorBytes.AsSpan(from, length).ToArray());
                    break;
                case 5 when bytes.Count > 0:
                    var run = Math.Min(1 + (int)(value % 32), bytes.Count - at);
                    bytes.InsertRange(at + run, bytes.GetRange(at, run));
                    break;
                case 6 when bytes.Count > 1:
                    at = Math.Min(at, bytes.Count - 2);
                    var field = (value % 7) switch
                    {
                        5 => (ushort)(0xC000 | (at == 0 ? 0 : (int)(value / 7 % (uint)at))),
                        6 => (ushort)(0xC000 | (at & 0x3FFF)),
                        var i => s_extreme16[i],
                    };
                    bytes[at] = (byte)(field >> 8);
                    bytes[at + 1] = (byte)field;
                    break;
                case 7 when bytes.Count > 0:
                    bytes[at] = s_extreme8[value % (uint)s_extreme8.Length];
                    break;
                default:
                    break;
            }

            if (bytes.Count > maxLength)
            {
                bytes.RemoveRange(maxLength, bytes.Count - maxLength);
            }
        }

        return [.. bytes];
    }
}
