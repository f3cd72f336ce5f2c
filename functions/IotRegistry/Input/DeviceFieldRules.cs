namespace IotRegistry.Input;

/// <summary>
/// The shapes device fields may take. Keys are held to the AWS IoT thing-name alphabet (plus '.') so a key can
/// never carry quotes, spaces, '#', or other characters meant to break an expression or a path; all DynamoDB
/// expressions use placeholders anyway, this keeps the table clean.
/// </summary>
internal static class DeviceFieldRules
{
    public static FieldRule Identifier { get; } = new(1, 128, static s => AllOf(s, IsIdentifierChar), "letters, digits and . _ : -");

    /// <summary>Printable ASCII, no spaces: what a code printed on a label or typed into an app holds.</summary>
    public static FieldRule ActivationCode { get; } = new(6, 128, static s => AllOf(s, static c => c is > ' ' and <= '~'), "6 to 128 printable ASCII characters");

    public static FieldRule Text { get; } = new(1, 128, static s => !s.Any(char.IsControl) && s.Trim().Length == s.Length, "text without control characters or outer spaces");

    public static FieldRule HostName { get; } = new(1, 253, static s => AllOf(s, static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':'), "a host name");

    public static FieldRule CertificateId { get; } = new(1, 128, static s => AllOf(s, char.IsAsciiLetterOrDigit), "letters and digits");

    public static FieldRule Principal { get; } = new(1, 512, static s => !s.Any(char.IsControl), "text without control characters");

    public static FieldRule Topic { get; } = new(1, 256, static s => !s.Any(char.IsControl), "an MQTT topic");

    /// <summary>Registration payloads carry a placeholder e-mail (the peer sends one); it is read for its type and ignored.</summary>
    public static FieldRule IgnoredText { get; } = new(0, 254, static _ => true, "text");

    public static FieldRule Email { get; } = new(3, EmailAddressRule.MaxLength, EmailAddressRule.IsValid, "an e-mail address", InputErrorCodes.InvalidEmail);

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';

    private static bool AllOf(string value, Func<char, bool> test)
    {
        foreach (var c in value)
        {
            if (!test(c))
            {
                return false;
            }
        }

        return true;
    }
}
