using System.Security.Cryptography;

namespace LambdaSuite.Cli.Devices;

/// <summary>
/// Makes up devices the way the AWS blog's simulator does (SN-, ID- and AC- prefixed random values), with the
/// activation code drawn from a cryptographic generator: it is the device's secret, not a label.
/// </summary>
public static class DeviceSimulator
{
    private const string Hex = "0123456789ABCDEF";

    // No 0/O or 1/I/L: the code is printed on a label and typed by a person.
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int CodeLength = 12;

    public static IReadOnlyList<SimulatedDevice> Create(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var devices = new List<SimulatedDevice>(count);
        for (var i = 0; i < count; i++)
        {
            var serial = "SN-" + RandomNumberGenerator.GetString(Hex, 12);
            devices.Add(new SimulatedDevice(
                serial,
                "ID-" + RandomNumberGenerator.GetString(Hex, 12),
                "AC-" + RandomNumberGenerator.GetString(CodeAlphabet, CodeLength),
                "Simulated device " + serial[3..9],
                "MySmartIoTDevice",
                "simulator.iot.us-east-1.amazonaws.com"));
        }

        return devices;
    }
}
