namespace Shared.Tests.Runtime;

public sealed record ProbeEvent(string Name, int Count);
