using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaSuite.Data.Mailing;
using LambdaSuite.TestKit.Runtime;
using SesFeedback.Feedback;
using SesFeedback.Mailing;

namespace SesFeedback.Tests;

/// <summary>
/// Issue 19 item 14 and the health route (issue 12 item 8). The store points at a closed port: a route that
/// touched the table would throw, so every answer here is proven to need no table.
/// </summary>
public sealed class SesFeedbackHttpTests : IDisposable
{
    private readonly AmazonDynamoDBClient _unreachable = new(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", MaxErrorRetry = 0 });

    public void Dispose() => _unreachable.Dispose();

    private async Task<JsonNode> InvokeAsync(string request)
    {
        var store = new MailingStore(_unreachable, "mailing", TimeProvider.System);
        var function = new SesFeedbackFunction(new FeedbackService(store, new MailingRules(SoftBouncePolicy.Default)), store);
        return JsonNode.Parse(await function.InvokeAsync(Encoding.UTF8.GetBytes(request), new TestLambdaContext()))!;
    }

    [Fact]
    public async Task InvokeAsync_BodyFlaggedBase64ThatDoesNotDecode_Returns400()
    {
        var request = Alb("POST", "/mailing/a%40b.org", body: "@@@ not base64 @@@", base64: true);

        var response = await InvokeAsync(request);

        Assert.Equal(400, (int)response["statusCode"]!);
        var body = JsonNode.Parse((string)response["body"]!)!;
        Assert.Equal("bad_request", (string)body["error"]!);
        Assert.Contains("base64", (string)body["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("get")]
    [InlineData("Get")]
    [InlineData("head")]
    [InlineData("POST")]
    public async Task InvokeAsync_MethodOtherThanUpperCaseGetOrHead_Returns405WithAllow(string method)
    {
        var response = await InvokeAsync(HttpApi(method, "/mailing/a%40b.org"));

        Assert.Equal(405, (int)response["statusCode"]!);
        Assert.Equal("GET, HEAD", (string)response["headers"]!["Allow"]!);
    }

    [Theory]
    [InlineData("/x/../mailing/a%40b.org")]
    [InlineData("//mailing//a%40b.org")]
    [InlineData("/mailing/./a%40b.org")]
    [InlineData("/mailing/%2e%2e/a%40b.org")]
    [InlineData("/x/mailing/a%40b.org")]
    [InlineData("/mailing/a%40b.org/")]
    [InlineData("/mailing/a%40b.org/extra")]
    [InlineData("/Mailing/a%40b.org")]
    [InlineData("/mailing")]
    [InlineData("/health/")]
    public async Task InvokeAsync_PathNotInTheExactRouteShape_Returns404WithoutTouchingTheTable(string path)
    {
        var response = await InvokeAsync(Alb("GET", path));

        Assert.Equal(404, (int)response["statusCode"]!);
        Assert.Equal("not_found", (string)JsonNode.Parse((string)response["body"]!)!["error"]!);
    }

    [Fact]
    public async Task InvokeAsync_GetHealth_Returns200WithATinyBodyAndTouchesNoTable()
    {
        var response = await InvokeAsync(Alb("GET", "/health"));

        Assert.Equal(200, (int)response["statusCode"]!);
        Assert.Equal("ok", (string)JsonNode.Parse((string)response["body"]!)!["status"]!);
        Assert.True(((string)response["body"]!).Length < 64);
    }

    [Fact]
    public async Task InvokeAsync_HeadHealth_Returns200WithHeadersAndNoBody()
    {
        var response = await InvokeAsync(Alb("HEAD", "/health"));

        Assert.Equal(200, (int)response["statusCode"]!);
        Assert.Equal("", (string)response["body"]!);
        Assert.Equal("application/json", (string)response["headers"]!["Content-Type"]!);
    }

    [Fact]
    public async Task InvokeAsync_HeadOnAMissingRoute_Returns404WithNoBody()
    {
        var response = await InvokeAsync(Alb("HEAD", "/nothing/here"));

        Assert.Equal(404, (int)response["statusCode"]!);
        Assert.Equal("", (string)response["body"]!);
    }

    [Fact]
    public async Task InvokeAsync_HttpApiOnANamedStage_MatchesTheRouteWithoutTheStage()
    {
        var response = await InvokeAsync(HttpApi("GET", "/prod/health", stage: "prod"));

        Assert.Equal(200, (int)response["statusCode"]!);
    }

    private static string Alb(string method, string path, string body = "", bool base64 = false) =>
        new JsonObject
        {
            ["requestContext"] = new JsonObject { ["elb"] = new JsonObject { ["targetGroupArn"] = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/mailing/0123456789abcdef" } },
            ["httpMethod"] = method,
            ["path"] = path,
            ["headers"] = new JsonObject { ["accept"] = "application/json" },
            ["queryStringParameters"] = new JsonObject(),
            ["body"] = body,
            ["isBase64Encoded"] = base64,
        }.ToJsonString();

    private static string HttpApi(string method, string path, string stage = "$default") =>
        new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "ANY /mailing/{proxy+}",
            ["rawPath"] = path,
            ["rawQueryString"] = "",
            ["headers"] = new JsonObject { ["accept"] = "application/json" },
            ["requestContext"] = new JsonObject { ["http"] = new JsonObject { ["method"] = method, ["path"] = path }, ["requestId"] = "r1", ["stage"] = stage },
            ["isBase64Encoded"] = false,
        }.ToJsonString();
}
