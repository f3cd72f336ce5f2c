using System.Runtime.InteropServices;

namespace DnsMirror;

/// <summary>
/// glibc's allocator, set for a function that runs one invocation at a time and whose large native blocks (Brotli's
/// 4 MiB windows and tables, to read and write the stored records) come and go on every run. Left at its defaults,
/// glibc raises its mmap threshold (and doubles its trim threshold) when the first large block is freed, so the next
/// runs' windows come from the heap and stay resident after they are freed, and thread-pool threads that allocate get
/// arenas of their own: together they made the incremental run's peak climb about 10 MB over each of the first warm
/// runs (issue 15; the figures are in this function's README). A fixed threshold serves every block of 128 KiB or
/// more from mmap (unless free heap space already fits it), so it goes back to the kernel when freed; the arena cap
/// stops further arenas. Set here rather than as MALLOC_* variables in the template (which measured the same) so
/// every way the bootstrap runs, the bench and local runs included, gets them.
/// </summary>
internal static class NativeHeap
{
    /// <summary>glibc's <c>M_MMAP_THRESHOLD</c>: setting it also turns off the dynamic raising.</summary>
    private const int MmapThresholdParameter = -3;

    /// <summary>glibc's <c>M_ARENA_MAX</c>.</summary>
    private const int ArenaMaxParameter = -8;

    /// <summary>The <c>mallopt</c> calls <see cref="Tune"/> makes, (parameter, value), in order.</summary>
    internal static IReadOnlyList<(int Parameter, int Value)> Settings { get; } = [(MmapThresholdParameter, 128 * 1024), (ArenaMaxParameter, 1)];

    /// <summary>True when glibc took every setting; false elsewhere (another C library, another OS), which changes nothing else.</summary>
    public static bool Tune()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // mallopt answers 1 when it took the value.
            var took = true;
            foreach (var (parameter, value) in Settings)
            {
                took &= Mallopt(parameter, value) == 1;
            }

            return took;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport, not LibraryImport: two ints need no marshalling, and the project needs no unsafe code for it.
    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int parameter, int value);
}
