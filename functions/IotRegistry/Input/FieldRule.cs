namespace IotRegistry.Input;

/// <summary>What a string field may hold: a length range in UTF-16 code units and an allowed-character test.</summary>
/// <param name="Describe">Short wording for error messages, e.g. "letters, digits and . _ : -".</param>
internal sealed record FieldRule(int MinLength, int MaxLength, Func<string, bool> IsAllowed, string Describe, string InvalidCode = InputErrorCodes.InvalidField);
