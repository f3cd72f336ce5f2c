using System.IO.Compression;

namespace LambdaSuite.Harness.Publishing;

/// <summary>
/// Writes the deployment zip of a custom runtime: one entry <c>bootstrap</c> at the root whose Unix mode
/// (regular file, 0755) sits in the upper 16 bits of the entry's external attributes, which Lambda's unzip
/// honours because the archive is marked as made on Unix (what .NET does when it runs on Unix).
/// </summary>
public static class LambdaZipWriter
{
    public const string EntryName = "bootstrap";

    public const UnixFileMode ExecutableMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>S_IFREG (0100000) | 0755, as stored in a zip's external attributes.</summary>
    public const int BootstrapExternalAttributes = (0x8000 | (int)ExecutableMode) << 16;

    public static void Write(string bootstrapPath, string zipPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(bootstrapPath);
        ArgumentException.ThrowIfNullOrEmpty(zipPath);
        using var source = File.OpenRead(bootstrapPath);
        var temporary = zipPath + ".tmp";
        File.Delete(temporary);
        using (var archive = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            var entry = archive.CreateEntry(EntryName, CompressionLevel.Optimal);
            entry.ExternalAttributes = BootstrapExternalAttributes;
            entry.LastWriteTime = File.GetLastWriteTimeUtc(bootstrapPath);
            using var target = entry.Open();
            source.CopyTo(target);
        }

        // Replace in one step so a failed run never leaves a half-written zip under the final name.
        File.Move(temporary, zipPath, overwrite: true);
    }
}
