using System.Diagnostics;
using System.Globalization;

namespace DnsMirror.Tests;

/// <summary>
/// The allocator settings the bootstrap makes before its first run. Their effect is judged in a fresh single-threaded
/// process over the same glibc (python3's ctypes, which the stack's boto3 steps need anyway), handed exactly
/// <see cref="NativeHeap.Settings"/>: in the test host, other tests' threads leave free heap space behind that can
/// serve a large block whatever the settings, so the answer there is not deterministic. The suite runs on Linux with
/// glibc, as the functions do.
/// </summary>
public sealed class NativeHeapTests
{
    // Frees a 4 MiB block, then asks for 2 MiB and prints where glibc took it from: it marks a chunk it got from mmap
    // with bit 0x2 of the size word just before the block.
    private const string Script = """
        import ctypes, sys
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc.restype = ctypes.c_void_p
        libc.malloc.argtypes = [ctypes.c_size_t]
        libc.free.argtypes = [ctypes.c_void_p]
        args = [int(a) for a in sys.argv[1:]]
        for i in range(0, len(args), 2):
            if libc.mallopt(args[i], args[i + 1]) != 1:
                sys.exit("mallopt refused %d=%d" % (args[i], args[i + 1]))
        libc.free(libc.malloc(4 << 20))
        block = libc.malloc(2 << 20)
        print("mmap" if ctypes.c_size_t.from_address(block - 8).value & 2 else "heap")
        """;

    [Fact]
    public void Tune_OnGlibc_TakesEverySetting()
    {
        Assert.True(NativeHeap.Tune(), "mallopt did not take the settings");
    }

    [Fact]
    public async Task Settings_AfterALargerBlockIsFreed_KeepLargeBlocksOnMmap()
    {
        var tuned = await WhereAFreshProcessPutsTheBlockAsync(NativeHeap.Settings);
        var untuned = await WhereAFreshProcessPutsTheBlockAsync([]);

        // glibc's default raises its threshold to the freed block's size, so the smaller one comes from the heap.
        Assert.Equal(("mmap", "heap"), (tuned, untuned));
    }

    private static async Task<string> WhereAFreshProcessPutsTheBlockAsync(IReadOnlyList<(int Parameter, int Value)> settings)
    {
        var startInfo = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add("-");
        foreach (var (parameter, value) in settings)
        {
            startInfo.ArgumentList.Add(parameter.ToString(CultureInfo.InvariantCulture));
            startInfo.ArgumentList.Add(value.ToString(CultureInfo.InvariantCulture));
        }

        using var process = Process.Start(startInfo)!;
        await process.StandardInput.WriteAsync(Script);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }
}
