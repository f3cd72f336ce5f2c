namespace LambdaSuite.Data.Devices;

/// <summary>The actions a device's history records, and the outcomes they end with.</summary>
public static class DeviceHistoryActions
{
    public const string Register = "register";
    public const string Activate = "activate";
    public const string Transfer = "transfer";
    public const string Unbind = "unbind";
    public const string Deregister = "deregister";
    public const string BindCertificate = "bind_certificate";

    public const string Registered = "registered";
    public const string Activated = "activated";
    public const string Transferred = "transferred";
    public const string Unbound = "unbound";
    public const string Deregistered = "deregistered";
    public const string CertificateBound = "certificate_bound";
}
