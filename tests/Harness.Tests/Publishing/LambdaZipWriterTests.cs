using System.IO.Compression;
using LambdaSuite.Harness.Publishing;

namespace Harness.Tests.Publishing;

public sealed class LambdaZipWriterTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("zip-writer-");

    [Fact]
    public void Write_Bootstrap_IsSingleRootEntryWithMode0755()
    {
        var bootstrap = Path.Combine(_folder.FullName, "bootstrap");
        byte[] content = [0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 2, 3, 4];
        File.WriteAllBytes(bootstrap, content);
        var zip = Path.Combine(_folder.FullName, "f.zip");

        LambdaZipWriter.Write(bootstrap, zip);

        using var archive = ZipFile.OpenRead(zip);
        var entry = Assert.Single(archive.Entries);
        Assert.Equal("bootstrap", entry.FullName);
        var mode = (entry.ExternalAttributes >> 16) & 0xFFFF;
        Assert.Equal(0x8000, mode & 0xF000);
        Assert.Equal(Convert.ToInt32("755", 8), mode & 0x1FF);
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public void Write_MadeOnUnix_MarksArchiveAsUnix()
    {
        var bootstrap = Path.Combine(_folder.FullName, "bootstrap");
        File.WriteAllBytes(bootstrap, [1]);
        var zip = Path.Combine(_folder.FullName, "g.zip");

        LambdaZipWriter.Write(bootstrap, zip);

        // Central directory "version made by": high byte 3 = Unix, which makes unzip apply the stored mode.
        var bytes = File.ReadAllBytes(zip);
        var central = IndexOf(bytes, [0x50, 0x4B, 0x01, 0x02]);
        Assert.True(central >= 0);
        Assert.Equal(3, bytes[central + 5]);
    }

    [Fact]
    public void Write_ExistingZip_IsReplacedAndNoTempLeft()
    {
        var bootstrap = Path.Combine(_folder.FullName, "bootstrap");
        File.WriteAllBytes(bootstrap, [9, 9]);
        var zip = Path.Combine(_folder.FullName, "h.zip");
        File.WriteAllText(zip, "not a zip");

        LambdaZipWriter.Write(bootstrap, zip);

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(2, archive.Entries[0].Length);
        Assert.False(File.Exists(zip + ".tmp"));
    }

    [Fact]
    public void Write_MissingBootstrap_ThrowsAndLeavesNoZip()
    {
        var zip = Path.Combine(_folder.FullName, "i.zip");

        Assert.Throws<FileNotFoundException>(() => LambdaZipWriter.Write(Path.Combine(_folder.FullName, "absent"), zip));

        Assert.False(File.Exists(zip));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}
