namespace LambdaSuite.Aws.Endpoints;

/// <summary>
/// An AWS service as endpoint resolution and SigV4 signing see it.
/// </summary>
/// <param name="EndpointId">Suffix of the standard <c>AWS_ENDPOINT_URL_&lt;ID&gt;</c> variable (SDK service id, upper snake case).</param>
/// <param name="SigningName">SigV4 service name.</param>
/// <param name="HostPrefix">First label of the regional host name.</param>
/// <param name="IsGlobal">True for services with one endpoint per partition (Route 53).</param>
public sealed record AwsService(string EndpointId, string SigningName, string HostPrefix, bool IsGlobal = false)
{
    public static readonly AwsService DynamoDb = new("DYNAMODB", "dynamodb", "dynamodb");
    public static readonly AwsService DynamoDbStreams = new("DYNAMODB_STREAMS", "dynamodb", "streams.dynamodb");
    public static readonly AwsService Sns = new("SNS", "sns", "sns");
    public static readonly AwsService Sqs = new("SQS", "sqs", "sqs");
    public static readonly AwsService Kinesis = new("KINESIS", "kinesis", "kinesis");
    public static readonly AwsService Firehose = new("FIREHOSE", "firehose", "firehose");
    public static readonly AwsService IotDataPlane = new("IOT_DATA_PLANE", "iotdata", "data-ats.iot");
    public static readonly AwsService Lambda = new("LAMBDA", "lambda", "lambda");
    public static readonly AwsService Route53 = new("ROUTE_53", "route53", "route53", IsGlobal: true);
    public static readonly AwsService Sts = new("STS", "sts", "sts");
    public static readonly AwsService SecretsManager = new("SECRETS_MANAGER", "secretsmanager", "secretsmanager");
}
