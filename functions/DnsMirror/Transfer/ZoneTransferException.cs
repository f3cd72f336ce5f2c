namespace DnsMirror.Transfer;

/// <summary>
/// A zone could not be read: the master refused, is not authoritative, failed TSIG, sent a malformed or
/// incomplete transfer, or every master failed (<see cref="Failures"/> lists each).
/// </summary>
internal sealed class ZoneTransferException : Exception
{
    public ZoneTransferException()
    {
        Failures = [];
    }

    public ZoneTransferException(string message)
        : base(message)
    {
        Failures = [];
    }

    public ZoneTransferException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failures = [];
    }

    public ZoneTransferException(string message, IReadOnlyList<Exception> failures)
        : base(message + ": " + string.Join("; ", failures.Select(f => f.Message)), failures.Count > 0 ? failures[0] : null)
    {
        Failures = failures;
    }

    public IReadOnlyList<Exception> Failures { get; }
}
