namespace IotRegistry.Devices;

/// <summary>
/// An unbind's answer to the administrator door only: the device and its new activation code, which the administrator
/// delivers out of band (a new label, the support channel). The only answer that ever holds a code.
/// </summary>
public sealed record UnbindView(DeviceView Device, string ActivationCode);
