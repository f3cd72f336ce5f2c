namespace LambdaSuite.Aws.IotData;

/// <summary>Publish answers 200 with no body.</summary>
public sealed record PublishResponse;
