using LambdaSuite.Data.Fanout;

namespace Fanout.Tests.Data;

public sealed class FanoutDestinationsTests
{
    [Theory]
    [InlineData("https://sqs.eu-central-1.amazonaws.com/123456789012/orders", "eu-central-1")]
    [InlineData("https://sqs.cn-northwest-1.amazonaws.com.cn/123456789012/orders", "cn-northwest-1")]
    [InlineData("https://ap-south-1.queue.amazonaws.com/123456789012/orders", "ap-south-1")]
    [InlineData("https://queue.amazonaws.com/123456789012/orders", "us-east-1")]
    public void TryRegionOfQueueUrl_AwsQueueHost_GivesItsRegion(string url, string expected)
    {
        Assert.True(FanoutDestinations.TryRegionOfQueueUrl(url, out var region));

        Assert.Equal(expected, region);
    }

    [Theory]
    [InlineData("http://localhost:4566/000000000000/orders")]
    [InlineData("https://sqs.amazonaws.com.evil.example/123/orders")]
    [InlineData("orders")]
    [InlineData(null)]
    public void TryRegionOfQueueUrl_OtherHostOrNoUrl_GivesNone(string? url)
    {
        var found = FanoutDestinations.TryRegionOfQueueUrl(url, out var region);

        Assert.False(found);
        Assert.Null(region);
    }
}
