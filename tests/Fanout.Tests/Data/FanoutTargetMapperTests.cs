using Amazon.DynamoDBv2.Model;
using LambdaSuite.Data.Fanout;

namespace Fanout.Tests.Data;

public class FanoutTargetMapperTests
{
    private static FanoutTarget Target(string sourceArn = StreamEvents.SourceArn) => new()
    {
        SourceArn = sourceArn,
        Id = "to-queue",
        Type = FanoutTargetType.Sqs,
        Destination = "arn:aws:sqs:us-east-1:123456789012:orders.fifo",
        Active = true,
        Role = "arn:aws:iam::210987654321:role/fanout",
        ExternalId = "x-1",
        Region = "eu-west-1",
        Collapse = CollapseMode.ConcatBase64,
        Parallel = 4,
        Deaggregate = true,
        FifoGroup = "fixed",
        Deduplication = DeduplicationStrategy.Content,
        DeadLetter = "https://sqs.us-east-1.amazonaws.com/123456789012/dlq",
    };

    [Fact]
    public void FromItem_ItemFromToItem_RoundTripsEveryOption()
    {
        var target = Target();

        var row = FanoutTargetMapper.FromItem(FanoutTargetMapper.ToItem(target));

        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.Equal(target, row.Target);
    }

    [Fact]
    public void FromItem_IotTargetWithEmptyDestination_RoundTripsAsTheRegionalEndpoint()
    {
        var target = new FanoutTarget { SourceArn = StreamEvents.SourceArn, Id = "to-iot", Type = FanoutTargetType.Iot, Destination = "", Topic = "devices/readings", Qos = 1, Active = true };

        var row = FanoutTargetMapper.FromItem(FanoutTargetMapper.ToItem(target));

        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.Equal(target, row.Target);
    }

    [Theory]
    [InlineData("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/s")]
    [InlineData("arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/s")]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2026-01-01T00:00:00.000")]
    public void FromItem_SourceInAnyPartition_IsValid(string sourceArn)
    {
        var row = FanoutTargetMapper.FromItem(FanoutTargetMapper.ToItem(Target(sourceArn)));

        Assert.True(row.IsValid, string.Join(" ", row.Errors));
    }

    [Fact]
    public void FromItem_StringBooleansAndNumbersFromOriginalCli_AreAccepted()
    {
        var item = FanoutTargetMapper.ToItem(Target());
        item["active"] = new AttributeValue { S = "true" };
        item["parallel"] = new AttributeValue { S = "2" };

        var row = FanoutTargetMapper.FromItem(item);

        Assert.True(row.Target!.Active);
        Assert.Equal(2, row.Target.Parallel);
    }

    [Theory]
    [InlineData("type", "carrier-pigeon", "type 'carrier-pigeon'")]
    [InlineData("collapse", "zip", "collapse 'zip'")]
    [InlineData("sourceArn", "arn:aws-iso:kinesis:us-iso-east-1:1:stream/s", "sourceArn")]
    [InlineData("destination", "not a queue", "destination 'not a queue'")]
    [InlineData("role", "arn:aws:s3:::bucket", "role")]
    [InlineData("parallel", "0", "parallel")]
    public void FromItem_BadField_IsReportedNotDropped(string attribute, string value, string expected)
    {
        var item = FanoutTargetMapper.ToItem(Target());
        item[attribute] = attribute == "parallel" ? new AttributeValue { N = value } : new AttributeValue { S = value };

        var row = FanoutTargetMapper.FromItem(item);

        Assert.False(row.IsValid);
        Assert.Null(row.Target);
        Assert.Contains(row.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FanoutTargetType.Kinesis, "arn:aws:kinesis:us-east-1:1:stream/out", null, true)]
    [InlineData(FanoutTargetType.Kinesis, "arn:aws:sqs:us-east-1:1:q", null, false)]
    [InlineData(FanoutTargetType.Firehose, "arn:aws-cn:firehose:cn-north-1:1:deliverystream/d", null, true)]
    [InlineData(FanoutTargetType.Sns, "arn:aws-us-gov:sns:us-gov-west-1:1:topic", null, true)]
    [InlineData(FanoutTargetType.Lambda, "arn:aws:lambda:us-east-1:1:function:f:live", null, true)]
    [InlineData(FanoutTargetType.Iot, "", "devices/readings", true)]
    [InlineData(FanoutTargetType.Iot, "", "devices/#", false)]
    [InlineData(FanoutTargetType.Redis, "rediss://cache.example:6380", null, true)]
    [InlineData(FanoutTargetType.Memcached, "cache.example", null, true)]
    [InlineData(FanoutTargetType.Memcached, "cache.example:99999", null, false)]
    public void Validate_DestinationForType_AcceptsOnlyItsShape(FanoutTargetType type, string destination, string? topic, bool valid)
    {
        var target = Target() with { Type = type, Destination = destination, Topic = topic, Role = null, ExternalId = null };

        var errors = FanoutTargetValidator.Validate(target);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Validate_OpenSearchWithoutIndex_SaysSo()
    {
        var target = Target() with { Type = FanoutTargetType.OpenSearch, Destination = "https://search.example", Index = null };

        var errors = FanoutTargetValidator.Validate(target);

        Assert.Contains(errors, e => e.Contains("index", StringComparison.Ordinal));
    }
}
