namespace LambdaSuite.Aws.Lambda;

/// <summary>Values of the <c>X-Amz-Invocation-Type</c> header.</summary>
public static class InvocationType
{
    public const string RequestResponse = "RequestResponse";

    /// <summary>Asynchronous: Lambda queues the event and answers 202.</summary>
    public const string Event = "Event";

    public const string DryRun = "DryRun";
}
