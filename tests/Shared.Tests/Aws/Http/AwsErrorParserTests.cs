using System.Net;
using System.Text;
using LambdaSuite.Aws.Http;

namespace Shared.Tests.Aws.Http;

public class AwsErrorParserTests
{
    [Fact]
    public void Parse_JsonTypeWithNamespace_StripsNamespace()
    {
        var error = Parse("sqs", AwsProtocol.Json, HttpStatusCode.BadRequest, AwsTestData.Read("Errors/sqs-queue-does-not-exist.json"), ("x-amzn-RequestId", "req-1"));

        Assert.Equal("QueueDoesNotExist", error.ErrorCode);
        Assert.Equal("The specified queue does not exist.", error.ErrorMessage);
        Assert.Equal("req-1", error.RequestId);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public void Parse_ErrorTypeHeaderWithUrl_PrefersHeaderWithoutUrl()
    {
        var error = Parse("iotdata", AwsProtocol.RestJson, HttpStatusCode.TooManyRequests, """{"message":"Rate exceeded"}""", ("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/"));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal("Rate exceeded", error.ErrorMessage);
        Assert.True(error.IsThrottling);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public void Parse_KinesisThroughputExceeded_IsThrottling()
    {
        var error = Parse("kinesis", AwsProtocol.Json, HttpStatusCode.BadRequest, AwsTestData.Read("Errors/kinesis-throughput.json"));

        Assert.Equal("ProvisionedThroughputExceededException", error.ErrorCode);
        Assert.True(error.IsThrottling);
    }

    [Fact]
    public void Parse_QueryXmlError_ReadsCodeMessageAndRequestId()
    {
        var error = Parse("sns", AwsProtocol.Query, HttpStatusCode.BadRequest, AwsTestData.Read("Errors/sns-throttled.xml"));

        Assert.Equal("Throttled", error.ErrorCode);
        Assert.Equal("Rate exceeded", error.ErrorMessage);
        Assert.Equal("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", error.RequestId);
        Assert.True(error.IsThrottling);
    }

    [Fact]
    public void Parse_SnsThrottledCodeForOtherService_IsNotThrottling()
    {
        var error = Parse("route53", AwsProtocol.Query, HttpStatusCode.BadRequest, AwsTestData.Read("Errors/sns-throttled.xml"));

        Assert.False(error.IsThrottling);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public void Parse_Route53InvalidChangeBatch_UsesRootNameAndMessages()
    {
        var error = Parse("route53", AwsProtocol.RestXml, HttpStatusCode.BadRequest, AwsTestData.Read("Errors/route53-invalid-change-batch.xml"));

        Assert.Equal("InvalidChangeBatch", error.ErrorCode);
        Assert.Contains("already exists", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d", error.RequestId);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public void Parse_EmptyBodyServerError_UsesStatusAndIsRetryable()
    {
        var error = Parse("lambda", AwsProtocol.RestJson, HttpStatusCode.BadGateway, string.Empty);

        Assert.Equal("BadGateway", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.True(error.IsRetryable);
        Assert.False(error.IsThrottling);
    }

    [Fact]
    public void Parse_HtmlFromProxy_FallsBackToStatus()
    {
        var error = Parse("sqs", AwsProtocol.Json, HttpStatusCode.ServiceUnavailable, "<html><body>busy</body></html>");

        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.True(error.IsRetryable);
    }

    [Theory]
    [InlineData("com.amazonaws.kinesis.v20131202#ResourceNotFoundException", "ResourceNotFoundException")]
    [InlineData("ThrottlingException:http://internal.amazon.com/coral/", "ThrottlingException")]
    [InlineData("aws.protocoltests#Weird:http://x", "Weird")]
    [InlineData("  ", null)]
    public void CleanCode_DecoratedCodes_AreStripped(string raw, string? expected)
    {
        var code = AwsErrorParser.CleanCode(raw);

        Assert.Equal(expected, code);
    }

    private static AwsServiceException Parse(string service, AwsProtocol protocol, HttpStatusCode status, string body, params (string Name, string Value)[] headers) =>
        AwsErrorParser.Parse(service, "Op", protocol, status, name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value, Encoding.UTF8.GetBytes(body));
}
