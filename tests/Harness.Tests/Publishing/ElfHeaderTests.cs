using LambdaSuite.Harness.Publishing;

namespace Harness.Tests.Publishing;

public sealed class ElfHeaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("elf-header-");

    // The first 20 bytes of a 64-bit little-endian ELF executable; e_machine at offset 18.
    private static byte[] Header(byte machineLow, byte machineHigh, byte data = 1) =>
    [
        0x7F, (byte)'E', (byte)'L', (byte)'F', // 0: magic
        2, data, 1, 0,                          // 4: ELFCLASS64, EI_DATA, EV_CURRENT, ELFOSABI_NONE
        0, 0, 0, 0, 0, 0, 0, 0,                 // 8: padding
        3, 0,                                   // 16: e_type ET_DYN
        machineLow, machineHigh,                // 18: e_machine
    ];

    public static TheoryData<byte[], ushort> Machines => new()
    {
        { Header(183, 0), 183 },
        { Header(62, 0), 62 },
        { Header(0, 183, data: 2), 183 },
    };

    [Theory]
    [MemberData(nameof(Machines))]
    public void TryReadMachine_ElfHeader_ReadsMachineInItsByteOrder(byte[] header, ushort expected)
    {
        var read = ElfHeader.TryReadMachine(header, out var machine);

        Assert.True(read);
        Assert.Equal(expected, machine);
    }

    [Fact]
    public void TryReadMachine_HeaderCutAtEveryLength_ReturnsFalse()
    {
        var header = Header(183, 0);

        for (var length = 0; length < header.Length; length++)
        {
            Assert.False(ElfHeader.TryReadMachine(header.AsSpan(0, length), out _), $"length {length}");
        }
    }

    [Fact]
    public void TryReadMachine_NotElfOrUnknownByteOrder_ReturnsFalse()
    {
        var script = "#!/bin/sh\necho not an executable\n"u8.ToArray();
        var badOrder = Header(183, 0, data: 7);

        Assert.False(ElfHeader.TryReadMachine(script, out _));
        Assert.False(ElfHeader.TryReadMachine(badOrder, out _));
    }

    [Fact]
    public void ReadArchitecture_Arm64File_ReturnsArm64()
    {
        var path = Path.Combine(_folder.FullName, "bootstrap");
        File.WriteAllBytes(path, [.. Header(183, 0), .. new byte[64]]);

        var architecture = ElfHeader.ReadArchitecture(path);

        Assert.Same(LambdaArchitecture.Arm64, architecture);
    }

    [Fact]
    public void ReadArchitecture_OtherMachine_ThrowsNamingTheMachine()
    {
        var path = Path.Combine(_folder.FullName, "bootstrap");
        File.WriteAllBytes(path, Header(40, 0)); // EM_ARM, 32-bit ARM: Lambda does not run it

        var error = Assert.Throws<InvalidOperationException>(() => ElfHeader.ReadArchitecture(path));

        Assert.Contains("ELF machine 40", error.Message, StringComparison.Ordinal);
        Assert.Contains("./suite package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadArchitecture_ShellScript_ThrowsNotElf()
    {
        var path = Path.Combine(_folder.FullName, "bootstrap");
        File.WriteAllText(path, "#!/bin/sh\n");

        var error = Assert.Throws<InvalidOperationException>(() => ElfHeader.ReadArchitecture(path));

        Assert.Contains("is not an ELF executable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadArchitecture_ThisProcess_IsTheHostArchitecture()
    {
        var dotnet = Environment.ProcessPath!;

        var architecture = ElfHeader.ReadArchitecture(dotnet);

        Assert.Same(LambdaArchitecture.Host, architecture);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
