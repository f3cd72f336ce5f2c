namespace SesFeedback.Feedback;

/// <summary>What an unsuppress did.</summary>
public enum UnsuppressStatus
{
    /// <summary>The suppression is lifted; the unsuppress is recorded.</summary>
    Lifted,

    /// <summary>The address was not suppressed; nothing written.</summary>
    NotSuppressed,

    /// <summary>The table holds no record for the address; nothing written.</summary>
    UnknownAddress,

    /// <summary>A suppressing event dated after the unsuppress would keep it suppressed; nothing written.</summary>
    StillSuppressed,
}
