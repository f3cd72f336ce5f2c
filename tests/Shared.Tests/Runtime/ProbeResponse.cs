namespace Shared.Tests.Runtime;

public sealed record ProbeResponse(string Greeting);
