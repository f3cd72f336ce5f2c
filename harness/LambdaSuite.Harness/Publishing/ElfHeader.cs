using System.Buffers.Binary;

namespace LambdaSuite.Harness.Publishing;

/// <summary>
/// Reads which machine an executable was built for, so a package is never zipped (or a test never run) for the
/// wrong architecture: a cross publish that silently fell back to the host's would otherwise go unnoticed until
/// Lambda refused to start it.
/// </summary>
public static class ElfHeader
{
    /// <summary>e_ident (16 bytes), e_type (2), e_machine (2): the bytes needed to know the machine.</summary>
    public const int MachineHeaderLength = 20;

    private const int ClassOffset = 4;
    private const int DataOffset = 5;
    private const int MachineOffset = 18;
    private const byte LittleEndian = 1;
    private const byte BigEndian = 2;

    /// <summary>Reads e_machine from the start of an ELF file (System V ABI, "ELF Header"); false if it is not one.</summary>
    public static bool TryReadMachine(ReadOnlySpan<byte> header, out ushort machine)
    {
        machine = 0;
        if (header.Length < MachineHeaderLength || !header[..4].SequenceEqual("\u007fELF"u8) || header[ClassOffset] is not (1 or 2))
        {
            return false;
        }

        var field = header.Slice(MachineOffset, 2);
        switch (header[DataOffset])
        {
            case LittleEndian:
                machine = BinaryPrimitives.ReadUInt16LittleEndian(field);
                return true;
            case BigEndian:
                machine = BinaryPrimitives.ReadUInt16BigEndian(field);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The architecture <paramref name="path"/> was built for.</summary>
    /// <exception cref="InvalidOperationException">The file is not an ELF executable of an architecture Lambda runs.</exception>
    public static LambdaArchitecture ReadArchitecture(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Span<byte> header = stackalloc byte[MachineHeaderLength];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (!TryReadMachine(header[..read], out var machine))
        {
            throw new InvalidOperationException($"{path} is not an ELF executable, so Lambda's provided.al2023 runtime cannot start it: publish it again with ./suite package.");
        }

        return LambdaArchitecture.All.FirstOrDefault(a => (ushort)a.Machine == machine)
            ?? throw new InvalidOperationException($"{path} is built for ELF machine {machine}, which is neither arm64 nor x86_64: publish it again with ./suite package.");
    }
}
