namespace LambdaSuite.Harness.Publishing;

/// <summary>ELF <c>e_machine</c> values (System V ABI, "ELF header") of the two architectures Lambda runs.</summary>
public enum ElfMachine : ushort
{
    X8664 = 62,
    AArch64 = 183,
}
