namespace LambdaSuite.Data.Devices;

/// <summary>The primary key of an iotCatalog item: partition key serialNumber, sort key clientId.</summary>
public readonly record struct DeviceKey(string SerialNumber, string ClientId);
