using System.Runtime.InteropServices;

namespace LambdaSuite.Harness.Publishing;

/// <summary>
/// A Lambda instruction set architecture as the template names it (<c>arm64</c>, <c>x86_64</c>), with the .NET
/// runtime identifier that publishes for it, the ELF machine its executables carry, and how this machine runs one:
/// natively, or under qemu user-mode emulation when the bootstrap was cross-compiled for the other architecture.
/// </summary>
public sealed class LambdaArchitecture
{
    /// <summary>Graviton: Lambda's default in the template (about 20 % less per GB-second than x86_64).</summary>
    public static readonly LambdaArchitecture Arm64 = new("arm64", "linux-arm64", ElfMachine.AArch64, "aarch64");

    public static readonly LambdaArchitecture X8664 = new("x86_64", "linux-x64", ElfMachine.X8664, "x86_64");

    /// <summary>The word for "the architecture of this machine" on the command line.</summary>
    public const string HostName = "host";

    private LambdaArchitecture(string name, string runtimeIdentifier, ElfMachine machine, string gnuTriplePrefix)
    {
        Name = name;
        RuntimeIdentifier = runtimeIdentifier;
        Machine = machine;
        GnuTriplePrefix = gnuTriplePrefix;
    }

    public static IReadOnlyList<LambdaArchitecture> All { get; } = [Arm64, X8664];

    /// <summary>What <c>./suite package</c> and the Makefiles build when nothing is said: the template's default.</summary>
    public static LambdaArchitecture Default => Arm64;

    /// <summary>This machine's architecture: what the process tests and benchmarks run without emulation.</summary>
    public static LambdaArchitecture Host => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => Arm64,
        Architecture.X64 => X8664,
        var other => throw new PlatformNotSupportedException($"This machine is {other}; Lambda runs only arm64 and x86_64, so run the suite on one of those."),
    };

    /// <summary>The template's name for it (<c>Architectures</c>), also the folder name under artifacts/package.</summary>
    public string Name { get; }

    public string RuntimeIdentifier { get; }

    public ElfMachine Machine { get; }

    /// <summary>The GNU triple's first part: Debian's cross libraries live under /usr/&lt;prefix&gt;-linux-gnu.</summary>
    public string GnuTriplePrefix { get; }

    public bool IsHost => ReferenceEquals(this, Host);

    /// <summary>Parses <c>arm64</c>, <c>x86_64</c> or <c>host</c> (case-insensitive); anything else is a usage error.</summary>
    /// <exception cref="ArgumentException">The value names no architecture Lambda runs.</exception>
    public static LambdaArchitecture Parse(string? value)
    {
        if (string.Equals(value, HostName, StringComparison.OrdinalIgnoreCase))
        {
            return Host;
        }

        return All.FirstOrDefault(a => string.Equals(a.Name, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{value}' is not a Lambda architecture: use arm64, x86_64 or {HostName}.");
    }

    /// <summary>
    /// The program and leading arguments that run <paramref name="executable"/> here: the file itself on its own
    /// architecture, else Debian's static qemu for it with the cross C library as its root (no binfmt is assumed).
    /// </summary>
    public (string FileName, IReadOnlyList<string> Arguments) LaunchCommand(string executable)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        return IsHost
            ? (executable, [])
            : ($"qemu-{GnuTriplePrefix}-static", ["-L", $"/usr/{GnuTriplePrefix}-linux-gnu", executable]);
    }

    public override string ToString() => Name;
}
