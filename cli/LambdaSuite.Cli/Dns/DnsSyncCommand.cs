using DnsMirror.Diff;

namespace LambdaSuite.Cli.Dns;

/// <summary>What <c>suite dns plan|sync</c> was asked.</summary>
internal sealed record DnsSyncCommand(string Masters, string Zone, string? Tsig, string? ZoneId, string? Rfc2136Server, MirrorOptions Options);
