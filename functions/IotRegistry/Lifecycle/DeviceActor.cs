namespace IotRegistry.Lifecycle;

/// <summary>Who asks for a lifecycle change and through which door (<see cref="LambdaSuite.Data.Devices.DeviceDoors"/>), as the history records it.</summary>
/// <param name="Administrator">True only for the IAM-authorised door (API Gateway authenticated the caller) and the operator's CLI.</param>
internal sealed record DeviceActor(string Door, string Actor, bool Administrator);
