using System.Text;
using LambdaSuite.Runtime;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit.Runtime;

namespace Shared.Tests.Runtime;

public sealed class LambdaRuntimeApiClientTests
{
    [Fact]
    public async Task GetNextInvocationAsync_AllHeaders_AreRead()
    {
        await using var stub = await LocalRuntimeApi.StartRecordingAsync();
        using var client = new LambdaRuntimeApiClient(stub.HostAndPort);
        stub.EnqueueExact("{\"a\":1}", new Dictionary<string, string>
        {
            [RuntimeApiHeaders.RequestId] = "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            [RuntimeApiHeaders.DeadlineMs] = "1542409706888",
            [RuntimeApiHeaders.InvokedFunctionArn] = "arn:aws:lambda:us-east-2:123456789012:function:custom-runtime",
            [RuntimeApiHeaders.TraceId] = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
            [RuntimeApiHeaders.ClientContext] = "{\"env\":{}}",
            [RuntimeApiHeaders.CognitoIdentity] = "{\"cognitoIdentityId\":\"x\"}",
        });

        var invocation = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal("8476a536-e9f4-11e8-9739-2dfe598c3fcd", invocation.RequestId);
        Assert.Equal(1542409706888, invocation.DeadlineMs);
        Assert.Equal("arn:aws:lambda:us-east-2:123456789012:function:custom-runtime", invocation.InvokedFunctionArn);
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", invocation.TraceId);
        Assert.Equal("{\"env\":{}}", invocation.ClientContext);
        Assert.Equal("{\"cognitoIdentityId\":\"x\"}", invocation.CognitoIdentity);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(invocation.EventJson));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("-5")]
    public async Task GetNextInvocationAsync_DeadlineMissingOrInvalid_IsNull(string? deadline)
    {
        await using var stub = await LocalRuntimeApi.StartRecordingAsync();
        using var client = new LambdaRuntimeApiClient(stub.HostAndPort);
        var headers = new Dictionary<string, string> { [RuntimeApiHeaders.RequestId] = "r" };
        if (deadline is not null)
        {
            headers[RuntimeApiHeaders.DeadlineMs] = deadline;
        }

        stub.EnqueueExact("{}", headers);

        var invocation = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Null(invocation.DeadlineMs);
        Assert.Null(invocation.TraceId);
    }

    [Fact]
    public async Task GetNextInvocationAsync_NoRequestId_ThrowsWithoutStatus()
    {
        await using var stub = await LocalRuntimeApi.StartRecordingAsync();
        using var client = new LambdaRuntimeApiClient(stub.HostAndPort);
        stub.EnqueueExact("{}", new Dictionary<string, string>());

        var ex = await Assert.ThrowsAsync<LambdaRuntimeApiException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Null(ex.StatusCode);
        Assert.Contains(RuntimeApiHeaders.RequestId, ex.Message);
    }

    [Fact]
    public async Task PostInvocationErrorAsync_WritesDocumentAndErrorTypeHeader()
    {
        await using var stub = await LocalRuntimeApi.StartRecordingAsync();
        using var client = new LambdaRuntimeApiClient(stub.HostAndPort);
        stub.EnqueueExact("{}", LocalRuntimeApi.ExactHeaders("id/with space"));

        await client.PostInvocationErrorAsync("id/with space", new LambdaError("bad \"input\" <b>+1</b>", "Custom.Error", ["at A", "at B"]), CancellationToken.None);
        var post = await stub.NextPostAsync();

        Assert.Equal("/invocation/id%2Fwith%20space/error", post.Path);
        Assert.Equal("Custom.Error", post.Headers[RuntimeApiHeaders.FunctionErrorType]);
        Assert.Equal("{\"errorMessage\":\"bad \\\"input\\\" <b>+1</b>\",\"errorType\":\"Custom.Error\",\"stackTrace\":[\"at A\",\"at B\"]}", post.BodyText);
    }

    [Fact]
    public async Task PostResponseAsync_RefusedByApi_ThrowsWithStatus()
    {
        await using var stub = await LocalRuntimeApi.StartRecordingAsync();
        using var client = new LambdaRuntimeApiClient(stub.HostAndPort);
        stub.RefuseWith = 413;

        var ex = await Assert.ThrowsAsync<LambdaRuntimeApiException>(() => client.PostResponseAsync("r", "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal(413, ex.StatusCode);
    }
}
