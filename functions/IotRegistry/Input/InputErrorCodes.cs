namespace IotRegistry.Input;

/// <summary>The <c>error</c> values clients can rely on for refused input (HTTP 400, or the IoT door's result).</summary>
internal static class InputErrorCodes
{
    public const string InvalidJson = "invalid_json";
    public const string TooLarge = "too_large";
    public const string DuplicateField = "duplicate_field";
    public const string MissingField = "missing_field";
    public const string WrongType = "wrong_type";
    public const string FieldTooLong = "field_too_long";
    public const string InvalidField = "invalid_field";
    public const string InvalidEmail = "invalid_email";
    public const string UnknownOperation = "unknown_operation";

    /// <summary>An HTTP activation body names another device than its path.</summary>
    public const string DeviceMismatch = "device_mismatch";
}
