namespace LambdaSuite.Bench;

/// <summary>
/// The first event each function gets in the cold-start bench. Lambda bills and users feel init plus the first
/// invocation, and a function's first invocation builds its clients and opens its first connection, so each event
/// does one real piece of work with one DynamoDB request against the local stack, and answers without an error:
/// a delivery notification for one address, a device lookup that finds nothing (404), a Kinesis record from a
/// source with no mappings, a run over an empty zones table, and a HipChat post with a token not on the allowlist
/// (one GetItem, a 401 answer). The probe and unknown targets get <c>{}</c>.
/// </summary>
public static class ColdStartEvents
{
    public static readonly byte[] Empty = "{}"u8.ToArray();

    public static byte[] For(string target) => target switch
    {
        "SesFeedback" => s_sesDelivery,
        "IotRegistry" => s_deviceLookup,
        "Fanout" => s_kinesisRecord,
        "DnsMirror" => s_allZones,
        "ChatRelay" => s_hipChatUnknownToken,
        _ => Empty,
    };

    // SNS → SES delivery notification, the function's everyday event (a repeat changes nothing).
    private static readonly byte[] s_sesDelivery = """
        {"Records":[{"EventSource":"aws:sns","EventVersion":"1.0",
        "EventSubscriptionArn":"arn:aws:sns:us-east-1:111122223333:ses-feedback:6f1d2c3b-0000-4000-8000-00000000c01d",
        "Sns":{"Type":"Notification","MessageId":"c01d0000-0000-4000-8000-000000000001",
        "TopicArn":"arn:aws:sns:us-east-1:111122223333:ses-feedback","Subject":null,
        "Message":"{\"notificationType\":\"Delivery\",\"mail\":{\"timestamp\":\"2026-11-01T08:00:00.000Z\",\"source\":\"news@coldstart.example\",\"messageId\":\"0100coldstart-0000\",\"destination\":[\"reader@coldstart.example\"]},\"delivery\":{\"timestamp\":\"2026-11-01T08:00:01.000Z\",\"recipients\":[\"reader@coldstart.example\"],\"smtpResponse\":\"250 OK\"}}",
        "Timestamp":"2026-11-01T08:00:01.000Z","SignatureVersion":"1","Signature":"EXAMPLE",
        "SigningCertUrl":"https://sns.us-east-1.amazonaws.com/cert.pem","UnsubscribeUrl":"https://sns.us-east-1.amazonaws.com/unsubscribe",
        "MessageAttributes":{}}}]}
        """u8.ToArray();

    // API Gateway v2 GET of a device that does not exist: one GetItem, a 404 answer.
    private static readonly byte[] s_deviceLookup = """
        {"version":"2.0","routeKey":"GET /devices/{serialNumber}/{clientId}","rawPath":"/devices/SN-COLDSTART/ID-COLDSTART",
        "rawQueryString":"","headers":{"accept":"application/json"},
        "requestContext":{"accountId":"111122223333","apiId":"coldstart","http":{"method":"GET","path":"/devices/SN-COLDSTART/ID-COLDSTART",
        "protocol":"HTTP/1.1","sourceIp":"198.51.100.7","userAgent":"bench"},"requestId":"coldstart","routeKey":"GET /devices/{serialNumber}/{clientId}",
        "stage":"$default","timeEpoch":1793520000000},"isBase64Encoded":false}
        """u8.ToArray();

    // One Kinesis record from a stream nothing is mapped to: one mapping-table query, nothing to forward.
    private static readonly byte[] s_kinesisRecord = """
        {"Records":[{"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"cold","sequenceNumber":"49590338271490256608559692538361571095921575989136588898",
        "data":"eyJjb2xkIjp0cnVlfQ==","approximateArrivalTimestamp":1793520000.0},"eventSource":"aws:kinesis","eventVersion":"1.0",
        "eventID":"shardId-000000000000:49590338271490256608559692538361571095921575989136588898","eventName":"aws:kinesis:record",
        "invokeIdentityArn":"arn:aws:iam::111122223333:role/fanout","awsRegion":"us-east-1",
        "eventSourceARN":"arn:aws:kinesis:us-east-1:111122223333:stream/coldstart-unmapped"}]}
        """u8.ToArray();

    // A HipChat notification through the internal ALB with a token not on the allowlist: one GetItem, HipChat's 401.
    private static readonly byte[] s_hipChatUnknownToken = """
        {"requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/chat-relay/0123456789abcdef"}},
        "httpMethod":"POST","path":"/v2/room/coldstart/notification","queryStringParameters":{},
        "headers":{"authorization":"Bearer coldstart-token-not-on-the-allowlist","content-type":"application/json","x-amzn-trace-id":"Root=1-00000000-coldstart"},
        "body":"{\"message\":\"cold start\"}","isBase64Encoded":false}
        """u8.ToArray();

    // The scheduled run over every configured zone: one Scan of the zones table.
    private static readonly byte[] s_allZones = """{"AllZones":true}"""u8.ToArray();
}
