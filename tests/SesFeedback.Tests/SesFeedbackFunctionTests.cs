using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using LambdaSuite.Data.Mailing;
using LambdaSuite.TestKit.Runtime;
using static SesFeedback.Tests.SesMessages;

using SesFeedback.Tests.Support;

namespace SesFeedback.Tests;

[Trait("Category", "Integration")]
public sealed class SesFeedbackFunctionTests : MailingTableTestBase
{
    private Task<MailingRecord?> Stored(string address) => Store().GetAsync(address);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task InvokeAsync_SnsEventWithOneBadRecord_AppliesTheGoodOneAndLogsTheBadOne()
    {
        var context = new TestLambdaContext();
        var json = SnsEvent(("sns-1", ReadTestData("notification-bounce-permanent.json")), ("sns-2", "{\"notificationType\":\"Bounce\"}"), ("sns-3", ReadTestData("notification-complaint.json")));

        var response = JsonNode.Parse(await Function().InvokeAsync(Utf8(json), context))!;

        Assert.Equal(3, (int)response["applied"]!);
        Assert.Contains("sns-2", response["rejected"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(MailingState.Suppressed, (await Stored("ivo@shop.example.org"))!.State);
        Assert.Equal("Complaint", (await Stored("lee@shop.example.org"))!.SuppressionReason);
        Assert.Contains(context.Logger.Lines, l => l.Fields.GetValueOrDefault("messageId") == "sns-2");
    }

    [Fact]
    public async Task InvokeAsync_SnsEventWhenDynamoDbFails_FailsTheInvocation()
    {
        var json = SnsEvent(("sns-1", ReadTestData("notification-delivery.json")));

        await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => Function("missing-table").InvokeAsync(Utf8(json), new TestLambdaContext()));
    }

    [Fact]
    public async Task InvokeAsync_SqsBatch_ReportsOnlyTheBadMessage()
    {
        var envelope = new JsonObject { ["Type"] = "Notification", ["MessageId"] = "n1", ["Message"] = ReadTestData("notification-delivery.json") }.ToJsonString();
        var json = SqsEvent(("q-1", envelope), ("q-2", "this is not SES"), ("q-3", ReadTestData("event-open.json")));

        var response = JsonNode.Parse(await Function().InvokeAsync(Utf8(json), new TestLambdaContext()))!;

        Assert.Equal("q-2", Assert.Single(response["batchItemFailures"]!.AsArray())!["itemIdentifier"]!.GetValue<string>());
        Assert.Equal(1, (await Stored("mia@shop.example.org"))!.Totals["Delivery"]);
        Assert.Equal(1, (await Stored("pat@shop.example.org"))!.Totals["Open"]);
    }

    [Fact]
    public async Task InvokeAsync_SqsBatchWhenDynamoDbFails_ReportsEveryMessage()
    {
        var json = SqsEvent(("q-1", ReadTestData("notification-delivery.json")), ("q-2", ReadTestData("event-open.json")));

        var response = JsonNode.Parse(await Function("missing-table").InvokeAsync(Utf8(json), new TestLambdaContext()))!;

        Assert.Equal(["q-1", "q-2"], response["batchItemFailures"]!.AsArray().Select(f => f!["itemIdentifier"]!.GetValue<string>()));
    }

    [Fact]
    public async Task InvokeAsync_EventBridgeEvent_AppliesTheDetail()
    {
        var json = new JsonObject
        {
            ["version"] = "0",
            ["id"] = "7b0bd7a4-1111-2222-3333-0000aaaabbbb",
            ["detail-type"] = "Email Complaint Received",
            ["source"] = "aws.ses",
            ["account"] = "111122223333",
            ["time"] = "2026-03-05T11:30:01Z",
            ["region"] = "eu-west-1",
            ["resources"] = new JsonArray("arn:aws:ses:eu-west-1:111122223333:configuration-set/marketing"),
            ["detail"] = JsonNode.Parse(ReadTestData("event-complaint.json")),
        }.ToJsonString();

        await Function().InvokeAsync(Utf8(json), new TestLambdaContext());

        Assert.Equal("Complaint", (await Stored("pat@shop.example.org"))!.SuppressionReason);
    }

    [Fact]
    public async Task InvokeAsync_DirectSesMessage_IsApplied()
    {
        var response = JsonNode.Parse(await Function().InvokeAsync(Utf8(ReadTestData("event-delivery.json")), new TestLambdaContext()))!;

        Assert.Equal(1, (int)response["applied"]!);
    }

    [Fact]
    public async Task InvokeAsync_AlbGetKnownAddress_Returns200WithRecord()
    {
        await Function().InvokeAsync(Utf8(ReadTestData("notification-complaint.json")), new TestLambdaContext());
        var request = AlbGet("/mailing/Lee%40shop.example.org", multiValue: false);

        var response = JsonNode.Parse(await Function().InvokeAsync(Utf8(request), new TestLambdaContext()))!;

        Assert.Equal(200, (int)response["statusCode"]!);
        Assert.Equal("200 OK", (string)response["statusDescription"]!);
        var body = JsonNode.Parse((string)response["body"]!)!;
        Assert.Equal("suppressed", (string)body["state"]!);
        Assert.Equal("Complaint", (string)body["suppressionReason"]!);
    }

    [Fact]
    public async Task InvokeAsync_AlbMultiValueGetUnknownAddress_Returns404InMultiValueMode()
    {
        var request = AlbGet("/mailing/nobody%40shop.example.org", multiValue: true);

        var response = JsonNode.Parse(await Function().InvokeAsync(Utf8(request), new TestLambdaContext()))!;

        Assert.Equal(404, (int)response["statusCode"]!);
        Assert.NotNull(response["multiValueHeaders"]);
        Assert.Equal("unknown_address", (string)JsonNode.Parse((string)response["body"]!)!["error"]!);
    }

    [Fact]
    public async Task InvokeAsync_HttpApiPost_Returns405()
    {
        var request = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "ANY /mailing/{address}",
            ["rawPath"] = "/mailing/a%40b.org",
            ["rawQueryString"] = "",
            ["headers"] = new JsonObject { ["content-type"] = "application/json" },
            ["requestContext"] = new JsonObject { ["http"] = new JsonObject { ["method"] = "POST", ["path"] = "/mailing/a%40b.org" }, ["requestId"] = "r1" },
            ["isBase64Encoded"] = false,
        }.ToJsonString();

        var response = JsonNode.Parse(await Function().InvokeAsync(Utf8(request), new TestLambdaContext()))!;

        Assert.Equal(405, (int)response["statusCode"]!);
    }

    [Fact]
    public async Task InvokeAsync_NotJson_ThrowsEventError()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Function().InvokeAsync(Utf8("<xml/>"), new TestLambdaContext()));

        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 16, item 5: the shared detector stops at the first record's source, so the SQS parser is the one read of
    /// the rest of the event: a fault after the first record is its to report, with where, and nothing is applied.
    /// </summary>
    [Fact]
    public async Task InvokeAsync_SqsEventBrokenAfterFirstRecord_TheSqsParserReportsWhereAndNothingApplied()
    {
        var whole = SqsEvent(("sqs-1", ReadTestData("notification-bounce-permanent.json")), ("sqs-2", ReadTestData("notification-complaint.json")));
        var json = whole[..(whole.Length - 10)];

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Function().InvokeAsync(Utf8(json), new TestLambdaContext()));

        Assert.Contains("SqsEvent event of", error.Message, StringComparison.Ordinal);
        Assert.Null(await Stored("ivo@shop.example.org"));
    }

    private static string AlbGet(string path, bool multiValue)
    {
        var request = new JsonObject
        {
            ["requestContext"] = new JsonObject { ["elb"] = new JsonObject { ["targetGroupArn"] = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/mailing/0123456789abcdef" } },
            ["httpMethod"] = "GET",
            ["path"] = path,
            ["body"] = "",
            ["isBase64Encoded"] = false,
        };
        if (multiValue)
        {
            request["multiValueHeaders"] = new JsonObject { ["accept"] = new JsonArray("application/json") };
            request["multiValueQueryStringParameters"] = new JsonObject();
        }
        else
        {
            request["headers"] = new JsonObject { ["accept"] = "application/json" };
            request["queryStringParameters"] = new JsonObject();
        }

        return request.ToJsonString();
    }
}
