namespace LambdaSuite.Events.Detection;

/// <summary>What kind of event an invocation carries, as far as a multi-trigger function needs to know.</summary>
public enum EventShape
{
    /// <summary>Not well-formed JSON.</summary>
    NotJson,

    /// <summary>Well-formed JSON of no known AWS shape: a direct invoke or an IoT rule payload.</summary>
    Raw,

    Sns,
    Sqs,
    Kinesis,
    DynamoDbStream,

    /// <summary>An EventBridge event, scheduled events included.</summary>
    EventBridge,

    /// <summary>AWS IoT fleet provisioning's pre-provisioning hook request (<c>templateArn</c> and <c>certificateId</c> at the top level).</summary>
    IotProvisioningHook,

    /// <summary>ALB, REST API or HTTP API request; <see cref="DetectedEvent.HttpKind"/> tells which.</summary>
    Http,
}
