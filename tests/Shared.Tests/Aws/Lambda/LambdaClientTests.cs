using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Lambda;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Lambda;

public class LambdaClientTests : StubbedClientTestBase
{
    [Fact]
    public async Task InvokeAsync_EventInvocationOfArn_PostsToEncodedFunctionPath()
    {
        Stub.Enqueue(StubResponse.Empty(202));

        var response = await Factory.CreateLambda().InvokeAsync(new InvokeRequest
        {
            FunctionName = "arn:aws:lambda:us-east-1:111122223333:function:order-sink",
            InvocationType = InvocationType.Event,
            Qualifier = "live",
            Payload = "{\"id\":7}"u8.ToArray(),
        });

        AssertAllSigned();
        var request = Assert.Single(Stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A111122223333%3Afunction%3Aorder-sink/invocations?Qualifier=live", request.RawTarget);
        Assert.Equal("Event", request.Header("X-Amz-Invocation-Type"));
        Assert.Equal("{\"id\":7}", request.BodyText);
        Assert.Equal("lambda", request.Signature.Service);
        Assert.Equal(202, response.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_FunctionError_ReturnsHeadersAndPayload()
    {
        Stub.Enqueue(StubResponse.Json("""{"errorMessage":"boom"}""", 200, "application/json", new Dictionary<string, string> { ["X-Amz-Function-Error"] = "Unhandled", ["X-Amz-Executed-Version"] = "$LATEST" }));

        var response = await Factory.CreateLambda().InvokeAsync(new InvokeRequest { FunctionName = "order-sink" });

        Assert.Equal(("Unhandled", "$LATEST", 200), (response.FunctionError, response.ExecutedVersion, response.StatusCode));
        Assert.Equal("""{"errorMessage":"boom"}""", System.Text.Encoding.UTF8.GetString(response.Payload.Span));
        Assert.Null(Stub.Requests[0].Header("X-Amz-Invocation-Type"));
    }

    [Fact]
    public async Task InvokeAsync_TooManyRequests_IsRetried()
    {
        Stub.Enqueue(
            StubResponse.Json("""{"Type":"User","message":"Rate Exceeded.","Reason":"ReservedFunctionConcurrentInvocationLimitExceeded"}""", 429, "application/json", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "TooManyRequestsException" }),
            StubResponse.Empty(202));

        var response = await Factory.CreateLambda().InvokeAsync(new InvokeRequest { FunctionName = "f", InvocationType = InvocationType.Event });

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(2, Stub.Requests.Count);
    }

    [Fact]
    public async Task InvokeAsync_FunctionMissing_ThrowsResourceNotFound()
    {
        Stub.Enqueue(StubResponse.Json("""{"Type":"User","message":"Function not found: arn:aws:lambda:us-east-1:111122223333:function:f"}""", 404, "application/json", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceNotFoundException", ["x-amzn-RequestId"] = "lam-1" }));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateLambda().InvokeAsync(new InvokeRequest { FunctionName = "f", InvocationType = InvocationType.Event }));

        Assert.Equal(("ResourceNotFoundException", "lam-1", false), (error.ErrorCode, error.RequestId, error.IsRetryable));
        Assert.Single(Stub.Requests);
    }
}
