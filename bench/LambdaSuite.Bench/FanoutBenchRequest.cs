namespace LambdaSuite.Bench;

/// <summary>One request as the bench transport received it: where it went, the SigV4 service it was signed for, its body.</summary>
internal sealed record FanoutBenchRequest(Uri Uri, string Service, string? ContentType, byte[] Body);
