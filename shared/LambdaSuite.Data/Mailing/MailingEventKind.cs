namespace LambdaSuite.Data.Mailing;

/// <summary>What happened to an address. SES's own event names, plus the operator's manual unsuppress.</summary>
public enum MailingEventKind
{
    Bounce,
    Complaint,
    Delivery,
    Send,
    Reject,
    Open,
    Click,
    RenderingFailure,
    DeliveryDelay,
    Subscription,
    Unsuppress,
}
