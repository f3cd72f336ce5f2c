namespace LambdaSuite.TestKit.Moto;

/// <summary>One IoT Data Publish as moto received it: the topic decoded from the request path, the QoS and the body's bytes.</summary>
public sealed record MotoPublish(string Topic, int Qos, byte[] Payload);
