namespace LambdaSuite.Data.Devices;

/// <summary>The doors a device request can come through, as history items name them.</summary>
public static class DeviceDoors
{
    public const string Alb = "alb";
    public const string ApiGatewayV1 = "apigateway-v1";
    public const string ApiGatewayV2 = "apigateway-v2";
    public const string IotRule = "iot-rule";
    public const string ProvisioningHook = "provisioning-hook";
    public const string Cli = "cli";
}
