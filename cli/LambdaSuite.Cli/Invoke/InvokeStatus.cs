namespace LambdaSuite.Cli.Invoke;

public enum InvokeStatus
{
    /// <summary>The function posted a response.</summary>
    Succeeded,

    /// <summary>The function posted an invocation error (the handler threw).</summary>
    InvocationError,

    /// <summary>The function failed to initialize and posted init/error.</summary>
    InitError,

    /// <summary>The process ended without answering (e.g. a placeholder that does not run the host).</summary>
    ProcessExited,

    /// <summary>Nothing came back before the timeout.</summary>
    TimedOut,
}
