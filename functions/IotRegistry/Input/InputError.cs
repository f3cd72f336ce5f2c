namespace IotRegistry.Input;

/// <summary>Why an input was refused: a stable <see cref="Code"/> (<see cref="InputErrorCodes"/>), the field, and a message for people.</summary>
/// <param name="Field">The JSON field or path value at fault, or null for the input as a whole.</param>
internal sealed record InputError(string Code, string? Field, string Message);
