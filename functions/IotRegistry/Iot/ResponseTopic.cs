using IotRegistry.Input;
using IotRegistry.Registration;

namespace IotRegistry.Iot;

/// <summary>
/// Where a device hears the answer to its message: <c>{prefix}/{serial}/{register|activate}/{accepted|rejected}</c>,
/// below the topics the template's rules read (<c>{prefix}/+/register</c>, <c>{prefix}/+/activate</c>), so an
/// answer never matches a rule and re-enters the function. A topic is only built from a serial that passed the
/// field rules again here: a '/', '+', '#', '$' or control character in it would let a sender choose another
/// device's topic or a wildcard, so anything outside the identifier alphabet makes no topic at all.
/// </summary>
internal static class ResponseTopic
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    /// <summary>AWS IoT's limit on a topic name, in UTF-8 bytes (all characters here are ASCII).</summary>
    public const int MaxTopicLength = 256;

    /// <summary>
    /// The topic for <paramref name="result"/>, or false when nothing is to be published: refused input (no
    /// validated serial), an unknown operation, a serial outside the field rules, or a registration refused because
    /// the MQTT client is not the device it names (the message did not come from that device, so its topic is not
    /// the sender's, and the real device should not hear of it).
    /// </summary>
    public static bool TryBuild(string prefix, IotResult result, out string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(result);
        topic = "";
        if (result.Operation is not (IotMessageHandler.RegisterOperation or IotMessageHandler.ActivateOperation)
            || result.SerialNumber is not { } serial
            || !IsSafeSegment(serial)
            || result.Error == RegistrationOutcome.ClientIdMismatch.Name())
        {
            return false;
        }

        var built = $"{prefix}/{serial}/{result.Operation}/{(result.Status < 400 ? Accepted : Rejected)}";
        if (built.Length > MaxTopicLength)
        {
            return false;
        }

        topic = built;
        return true;
    }

    /// <summary>A serial number as the field rules admit it: 1-128 letters, digits and . _ : - (no MQTT separator or wildcard).</summary>
    public static bool IsSafeSegment(string value)
    {
        var rule = DeviceFieldRules.Identifier;
        return value.Length >= rule.MinLength && value.Length <= rule.MaxLength && rule.IsAllowed(value);
    }
}
