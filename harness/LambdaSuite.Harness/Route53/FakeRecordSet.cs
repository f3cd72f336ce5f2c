namespace LambdaSuite.Harness.Route53;

/// <summary>A resource record set as <see cref="FakeRoute53"/> holds it: the harness's own shape, so it needs no function's types.</summary>
public readonly record struct FakeRecordSet(string Name, string Type, long? Ttl, IReadOnlyList<string> Values);
