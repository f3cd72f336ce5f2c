using System.Text;
using LambdaSuite.Aws.Firehose;
using LambdaSuite.Aws.Http;
using LambdaSuite.TestKit.Moto;

namespace Shared.Tests.Aws.Firehose;

/// <summary>The in-house Firehose client against moto: a delivery stream into S3 made by boto3, the objects read back through S3.</summary>
[Trait("Category", "Integration")]
public sealed class FirehoseMotoTests : IDisposable
{
    private const string CreateStreamScript = """
        s3, firehose = boto3.client('s3'), boto3.client('firehose')
        name = os.environ['ARG_name']
        s3.create_bucket(Bucket=name)
        firehose.create_delivery_stream(DeliveryStreamName=name, DeliveryStreamType='DirectPut',
            ExtendedS3DestinationConfiguration={'RoleARN': 'arn:aws:iam::123456789012:role/firehose', 'BucketARN': 'arn:aws:s3:::' + name})
        """;

    private const string ReadBucketScript = """
        s3 = boto3.client('s3')
        data = b''
        for o in sorted(s3.list_objects_v2(Bucket=os.environ['ARG_name']).get('Contents', []), key=lambda o: o['Key']):
            data += s3.get_object(Bucket=os.environ['ARG_name'], Key=o['Key'])['Body'].read()
        print(base64.b64encode(data).decode())
        """;

    private readonly AwsClientFactory _factory = MotoClientFactory.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PutRecordBatchAsync_RecordsWithBinaryBytes_LandInS3ByteForByte()
    {
        var name = $"suite-test-{Guid.NewGuid():N}";
        await Boto3.RunAsync(CreateStreamScript, ("name", name));
        var records = Enumerable.Range(0, 20).Select(i => Encoding.UTF8.GetBytes($"{{\"n\":{i}}}\n").Append((byte)0xff).ToArray()).ToArray();

        var response = await _factory.CreateFirehose().PutRecordBatchAsync(new PutRecordBatchRequest
        {
            DeliveryStreamName = name,
            Records = records.Select(r => new LambdaSuite.Aws.Firehose.Record { Data = r }).ToArray(),
        });
        var stored = Convert.FromBase64String(await Boto3.RunAsync(ReadBucketScript, ("name", name)));

        Assert.Equal(0, response.FailedPutCount);
        Assert.Equal(20, response.RequestResponses.Count);
        Assert.All(response.RequestResponses, r => Assert.False(string.IsNullOrEmpty(r.RecordId)));
        Assert.Equal(records.SelectMany(r => r).ToArray(), stored);
    }
}
