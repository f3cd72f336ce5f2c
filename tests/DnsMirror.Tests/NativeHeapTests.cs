using System.Runtime.InteropServices;

namespace DnsMirror.Tests;

/// <summary>
/// The allocator settings the bootstrap makes before its first run, checked on this process's own glibc: a block
/// the size of the stored records' Brotli buffers still comes from mmap (and so goes back to the kernel when freed)
/// after a larger one was freed, which glibc's default would have answered by raising its threshold past it. The suite
/// runs on Linux with glibc, as the functions do.
/// </summary>
public sealed class NativeHeapTests
{
    // glibc marks a chunk it got from mmap with this bit in the size word just before the block it hands out.
    private const long MmappedChunkBit = 0x2;

    [Fact]
    public void Tune_OnGlibc_KeepsLargeBlocksOnMmapAfterALargerOneIsFreed()
    {
        Assert.True(NativeHeap.Tune(), "mallopt did not take the settings");

        // Left dynamic, glibc's threshold would rise to this block's size when it is freed.
        Marshal.FreeHGlobal(Marshal.AllocHGlobal(4 * 1024 * 1024));
        var block = Marshal.AllocHGlobal(2 * 1024 * 1024);
        try
        {
            var sizeWord = Marshal.ReadInt64(block - IntPtr.Size);
            Assert.True((sizeWord & MmappedChunkBit) != 0, $"a 2 MiB block came from the heap (size word 0x{sizeWord:x})");
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }
}
