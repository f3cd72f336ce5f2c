namespace DnsMirror.State;

/// <summary>
/// An IXFR delta does not apply cleanly to the stored records (it deletes one they do not hold, adds one they do,
/// or starts from another serial): the stored state and the master disagree, so the run falls back to AXFR and a
/// full comparison.
/// </summary>
internal sealed class ZoneDeltaConflictException : Exception
{
    public ZoneDeltaConflictException()
    {
    }

    public ZoneDeltaConflictException(string message)
        : base(message)
    {
    }

    public ZoneDeltaConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
