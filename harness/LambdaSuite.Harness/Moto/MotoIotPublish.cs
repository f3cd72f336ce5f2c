namespace LambdaSuite.Harness.Moto;

/// <summary>One IoT Data Publish as moto received it: the topic, the QoS asked for and the payload bytes.</summary>
public sealed record MotoIotPublish(string Topic, int Qos, byte[] Payload);
