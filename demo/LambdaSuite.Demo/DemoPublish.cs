namespace LambdaSuite.Demo;

/// <summary>One IoT Data publish as moto recorded it: the decoded topic and the body as text (the demo's payloads are JSON).</summary>
internal sealed record DemoPublish(string Topic, string Payload);
