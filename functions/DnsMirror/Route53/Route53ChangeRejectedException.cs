namespace DnsMirror.Route53;

/// <summary>Route 53 refused a change batch (InvalidChangeBatch): the plan does not fit the zone as it is.</summary>
internal sealed class Route53ChangeRejectedException : Exception
{
    public Route53ChangeRejectedException()
    {
    }

    public Route53ChangeRejectedException(string message)
        : base(message)
    {
    }

    public Route53ChangeRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Route53ChangeRejectedException(string hostedZoneId, string route53Message, Exception innerException)
        : base($"Route 53 rejected a change batch for hosted zone {hostedZoneId}: {route53Message}", innerException)
    {
        Route53Message = route53Message;
    }

    /// <summary>Route 53's own text (its Messages joined), e.g. "Tried to create ... but it already exists".</summary>
    public string? Route53Message { get; }
}
