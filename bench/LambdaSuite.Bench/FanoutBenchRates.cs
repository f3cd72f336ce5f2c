using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace LambdaSuite.Bench;

/// <summary>
/// Single-core rates of the work no design can skip, measured here on the bench's own input (best of several passes
/// over buffers larger than the caches): copying memory, scanning JSON with <see cref="Utf8JsonReader"/>, decoding
/// base64 and SHA-256 (the SigV4 payload hash). <see cref="Floor"/> turns an input's bytes into the time that work
/// alone takes: the event scanned once, its base64 decoded once, the request bodies written (a copy) and hashed
/// once. How far a figure is above its floor is what the engine, allocations and the GC add.
/// </summary>
internal sealed record FanoutBenchRates(double MemcpyGBps, double JsonScanGBps, double Base64DecodeGBps, double Sha256GBps)
{
    /// <summary>Enough passes for tiered JIT to reach optimized code and for a pass to miss the neighbours' load.</summary>
    private const int Passes = 25;

    public static FanoutBenchRates Measure(byte[] plainEvent)
    {
        ArgumentNullException.ThrowIfNull(plainEvent);
        var target = new byte[plainEvent.Length];
        var memcpy = Best(plainEvent.Length, () => plainEvent.AsSpan().CopyTo(target));
        var json = Best(plainEvent.Length, () =>
        {
            var reader = new Utf8JsonReader(plainEvent);
            while (reader.Read())
            {
            }
        });

        // A base64 text the size of the event, valid throughout.
        var base64 = new byte[plainEvent.Length / 4 * 4];
        Base64.EncodeToUtf8(plainEvent.AsSpan(0, base64.Length / 4 * 3), base64, out _, out _);
        var decode = Best(base64.Length, () => Base64.DecodeFromUtf8(base64, target, out _, out _));
        var sha = Best(plainEvent.Length, () => SHA256.HashData(plainEvent));
        return new FanoutBenchRates(memcpy, json, decode, sha);
    }

    /// <summary>Milliseconds the unavoidable work on these bytes takes at these rates.</summary>
    public double Floor(long eventBytes, long requestBytes) =>
        (eventBytes / JsonScanGBps + eventBytes * 0.75 / Base64DecodeGBps + requestBytes / MemcpyGBps + requestBytes / Sha256GBps) / 1e6;

    public string ToText() => string.Create(
        CultureInfo.InvariantCulture,
        $"single-core rates (best of {Passes} passes over the plain event): memcpy {MemcpyGBps:F1} GB/s, JSON scan {JsonScanGBps:F2} GB/s, base64 decode {Base64DecodeGBps:F2} GB/s, SHA-256 {Sha256GBps:F2} GB/s; floor = event scanned + its base64 decoded + bodies copied + hashed");

    private static double Best(int bytes, Action pass)
    {
        var best = double.MaxValue;
        for (var i = 0; i < Passes; i++)
        {
            var started = Stopwatch.GetTimestamp();
            pass();
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return bytes / best / 1e9;
    }
}
