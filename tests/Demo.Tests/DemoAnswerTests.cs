using System.Text;
using LambdaSuite.Demo;
using LambdaSuite.Harness.Runtime;

namespace Demo.Tests;

public sealed class DemoAnswerTests
{
    [Fact]
    public void Read_AlbMultiValueResponse_TakesStatusModeAndRetryAfter()
    {
        var body = """{"statusCode":429,"statusDescription":"429 Too Many Requests","multiValueHeaders":{"Retry-After":["900"]},"body":"{\"error\":\"locked\"}","isBase64Encoded":false}"""u8.ToArray();

        var answer = DemoAnswer.Read(new InvocationOutcome("r1", false, body, null, 0));

        Assert.Equal((429, "multiValueHeaders", "900"), (answer.Status, answer.HeaderMode, answer.RetryAfter));
        Assert.Equal("""{"error":"locked"}""", answer.Body);
    }

    [Fact]
    public void Read_Base64Body_IsDecoded()
    {
        var encoded = Convert.ToBase64String("{\"ok\":true}"u8);
        var body = Encoding.UTF8.GetBytes($$"""{"statusCode":200,"headers":{},"body":"{{encoded}}","isBase64Encoded":true}""");

        var answer = DemoAnswer.Read(new InvocationOutcome("r2", false, body, null, 0));

        Assert.Equal((200, "headers", "{\"ok\":true}"), (answer.Status, answer.HeaderMode, answer.Body));
    }

    [Fact]
    public void Read_IotResultAndRuntimeError_StatusFromFieldOrZero()
    {
        var iot = DemoAnswer.Read(new InvocationOutcome("r3", false, """{"operation":"register","outcome":"registered","status":201}"""u8.ToArray(), null, 0));
        var error = DemoAnswer.Read(new InvocationOutcome("r4", true, """{"errorMessage":"boom","errorType":"Fault"}"""u8.ToArray(), "Fault", 0));

        Assert.Equal((201, "iot"), (iot.Status, iot.HeaderMode));
        Assert.Equal((0, "error", "boom"), (error.Status, error.HeaderMode, error.Body));
    }
}
