namespace LambdaSuite.TestKit.Emulator;

/// <summary>Where the moto-backed integration tests find the AWS services that have no local server of their own.</summary>
public enum AwsEmulatorKind
{
    /// <summary>The local stack's moto, from the endpoints <c>./suite stack up</c> exports (the default).</summary>
    Native,

    /// <summary>A container started by Testcontainers' LocalStack module for the test process, stopped when it ends.</summary>
    LocalStack,
}
