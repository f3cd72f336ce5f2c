namespace IotRegistry.Registration;

/// <summary>The stable wire names and HTTP-style statuses of <see cref="RegistrationOutcome"/>.</summary>
internal static class RegistrationOutcomeCodes
{
    public static string Name(this RegistrationOutcome outcome) => outcome switch
    {
        RegistrationOutcome.Registered => "registered",
        RegistrationOutcome.AlreadyRegistered => "already_registered",
        RegistrationOutcome.Conflict => "conflict",
        RegistrationOutcome.ClientIdMismatch => "client_id_mismatch",
        RegistrationOutcome.SerialMismatch => "serial_mismatch",
        RegistrationOutcome.Deregistered => "device_deregistered",
        RegistrationOutcome.InvalidInput => "invalid_input",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static int Status(this RegistrationOutcome outcome) => outcome switch
    {
        RegistrationOutcome.Registered => 201,
        RegistrationOutcome.AlreadyRegistered => 200,
        RegistrationOutcome.Conflict => 409,
        RegistrationOutcome.ClientIdMismatch => 403,
        RegistrationOutcome.SerialMismatch => 403,
        RegistrationOutcome.Deregistered => 410,
        RegistrationOutcome.InvalidInput => 400,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
