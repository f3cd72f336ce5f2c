using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Dynamo;
using SesFeedback.Feedback;
using SesFeedback.Mailing;
using SesFeedback.Tests.Mailing;
using static SesFeedback.Tests.SesMessages;

namespace SesFeedback.Tests.Feedback;

[Trait("Category", "Integration")]
public sealed class FeedbackServiceTests : IAsyncLifetime
{
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private readonly MailingRules _rules = new(SoftBouncePolicy.Default);
    private string _table = "";

    public async Task InitializeAsync() => _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.Mailing);

    public async Task DisposeAsync()
    {
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
    }

    private FeedbackService NewContainer() => new(new MailingStore(_dynamoDb, _table, TimeProvider.System), _rules);

    private MailingStore Store => new(_dynamoDb, _table, TimeProvider.System);

    [Fact]
    public async Task ApplyAsync_EveryArrivalOrderThroughDynamoDb_GivesTheSameStoredRecord()
    {
        var template = MailingRulesTests.MixedEvents();
        var fingerprints = new HashSet<string>();
        var orders = Permutations.Of(template.Length).ToList();

        await Parallel.ForEachAsync(orders.Select((order, n) => (order, n)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
        {
            var address = $"order{item.n}@shop.example.org";
            var service = NewContainer();
            foreach (var index in item.order)
            {
                await service.ApplyAsync(template[index].Replace("ana@shop.example.org", address, StringComparison.Ordinal), ct);
            }

            var stored = await Store.GetAsync(address, ct);
            var print = MailingRulesTests.Fingerprint(stored!).Replace(address, "*", StringComparison.Ordinal);
            lock (fingerprints)
            {
                fingerprints.Add(print.Split('|', 7)[0] + string.Join('|', print.Split('|').Skip(6).Take(3)));
            }

            Assert.Equal(MailingState.Suppressed, stored!.State);
            Assert.Equal("Complaint", stored.SuppressionReason);
        });

        Assert.Equal(720, orders.Count);
        Assert.Single(fingerprints);
    }

    [Fact]
    public async Task ApplyAsync_NewAddress_CostsOneConditionalWriteAndNoReads()
    {
        var service = NewContainer();

        var first = await service.ApplyAsync(Delivery("new@shop.example.org", T0, "m1"), default);
        var second = await service.ApplyAsync(Delivery("new@shop.example.org", T0.AddMinutes(1), "m2"), default);

        Assert.Equal((1, 1, 0), (first.Applied, first.Writes, first.Reads));
        Assert.Equal((1, 1, 0), (second.Applied, second.Writes, second.Reads));
    }

    [Fact]
    public async Task ApplyAsync_SameMessageTwice_ChangesNothingTheSecondTime()
    {
        var message = Bounce("dup@shop.example.org", "Transient", T0, "f-dup");
        await NewContainer().ApplyAsync(message, default);
        var before = await Store.GetAsync("dup@shop.example.org");

        var again = await NewContainer().ApplyAsync(message, default);
        var after = await Store.GetAsync("dup@shop.example.org");

        Assert.Equal((0, 1), (again.Applied, again.Duplicates));
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(1, after.Totals["Bounce"]);
    }

    [Fact]
    public async Task ApplyAsync_TwoContainersRacingOnOneAddress_LoseNoEvent()
    {
        const string address = "race@shop.example.org";
        var containers = new[] { NewContainer(), NewContainer(), NewContainer() };

        await Parallel.ForEachAsync(Enumerable.Range(0, 30), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, ct) =>
            await containers[i % 3].ApplyAsync(Delivery(address, T0.AddSeconds(i), $"m{i}"), ct));

        var stored = await Store.GetAsync(address);
        Assert.Equal(30, stored!.Totals["Delivery"]);
        Assert.Equal(T0.AddSeconds(29), stored.LastEventAt["Delivery"]);
    }

    [Fact]
    public async Task ApplyAsync_StoredRecordRoundTripsEveryField()
    {
        var service = NewContainer();
        await service.ApplyAsync(ReadTestData("event-bounce-transient.json"), default);
        await service.ApplyAsync(ReadTestData("event-complaint.json"), default);

        var stored = await Store.GetAsync("pat@shop.example.org");

        Assert.Equal(MailingState.Suppressed, stored!.State);
        Assert.Equal("Complaint", stored.SuppressionReason);
        Assert.Equal("not-spam", stored.SuppressedBy!.ComplaintFeedbackType);
        Assert.Equal("marketing", stored.ConfigurationSet);
        Assert.Equal("notices@shop.example.org", stored.Sender);
        Assert.Equal(["spring-sale"], stored.Tags["campaign"].ToArray());
        Assert.Equal("0100018e0fdd4403-cc-000000", stored.LastFeedbackId);
        Assert.Equal(1, stored.SoftBounceCount);
        Assert.Single(stored.SoftBounces);
        Assert.Single(stored.HardEvents);
        Assert.Equal(2, stored.Seen.Length);
    }

    [Fact]
    public async Task ApplyAsync_MalformedMessage_ThrowsAndWritesNothing()
    {
        var service = NewContainer();

        await Assert.ThrowsAsync<InvalidFeedbackException>(() => service.ApplyAsync("{\"notificationType\":\"Bounce\",\"mail\":{}}", default));

        var scan = await _dynamoDb.ScanAsync(new ScanRequest { TableName = _table });
        Assert.Equal(0, scan.Count);
    }

    [Fact]
    public async Task ApplyAsync_DynamoDbFails_ErrorPropagates()
    {
        var service = new FeedbackService(new MailingStore(_dynamoDb, "no-such-table", TimeProvider.System), _rules);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => service.ApplyAsync(Delivery("x@shop.example.org", T0, "m"), default));
    }

    [Fact]
    public async Task UnsuppressAsync_SuppressedAddress_IsActiveWithReasonRecorded()
    {
        var service = NewContainer();
        await service.ApplyAsync(Complaint("lift@shop.example.org", T0, "c1"), default);

        var result = await service.UnsuppressAsync("Lift@Shop.Example.org", "confirmed by phone", T0.AddDays(1), default);
        var stored = await Store.GetAsync("lift@shop.example.org");

        Assert.Equal(UnsuppressStatus.Lifted, result.Status);
        Assert.Equal(MailingState.Active, result.Record!.State);
        Assert.Equal(MailingState.Active, stored!.State);
        Assert.Equal("confirmed by phone", Assert.Single(stored.Unsuppressions).Note);
        Assert.Equal("Complaint", stored.HardEvents.Single().Kind.ToString());
    }

    [Fact]
    public async Task UnsuppressAsync_ActiveAddress_WritesNothing()
    {
        var service = NewContainer();
        await service.ApplyAsync(Delivery("fine@shop.example.org", T0, "m1"), default);
        var before = await Store.GetAsync("fine@shop.example.org");

        var result = await service.UnsuppressAsync("fine@shop.example.org", "why not", T0.AddDays(1), default);
        var after = await Store.GetAsync("fine@shop.example.org");

        Assert.Equal(UnsuppressStatus.NotSuppressed, result.Status);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Empty(after.Unsuppressions);
    }

    [Fact]
    public async Task UnsuppressAsync_FromAFreshContainer_LiftsTheStoredSuppression()
    {
        await NewContainer().ApplyAsync(Complaint("fresh@shop.example.org", T0, "c1"), default);

        var result = await NewContainer().UnsuppressAsync("fresh@shop.example.org", "asked by the customer", T0.AddDays(1), default);

        Assert.Equal(UnsuppressStatus.Lifted, result.Status);
        Assert.Equal(MailingState.Active, (await Store.GetAsync("fresh@shop.example.org"))!.State);
    }

    [Fact]
    public async Task UnsuppressAsync_UnknownAddress_SaysSoAndWritesNothing()
    {
        var result = await NewContainer().UnsuppressAsync("nobody@shop.example.org", "typo?", T0, default);

        Assert.Equal(UnsuppressStatus.UnknownAddress, result.Status);
        Assert.Contains("no such address", result.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync("nobody@shop.example.org"));
    }

    [Fact]
    public async Task UnsuppressAsync_ComplaintDatedInTheYear9999_SaysWhyNothingChanged()
    {
        // Written as an older version applied it, before event times were bounded.
        var future = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);
        var complaint = new FeedbackEvent("later@shop.example.org", new MailingEvent("k-9999", MailingEventKind.Complaint, future) { FeedbackId = "c-9999" });
        await Store.ApplyAsync(complaint.Address, current => _rules.Apply(current, complaint));
        var before = await Store.GetAsync(complaint.Address);

        var result = await NewContainer().UnsuppressAsync(complaint.Address, "customer called", T0, default);

        Assert.Equal(UnsuppressStatus.StillSuppressed, result.Status);
        Assert.Contains("in the future", result.Message, StringComparison.Ordinal);
        Assert.Contains("9999-12-31", result.Message, StringComparison.Ordinal);
        Assert.Equal(before!.Version, (await Store.GetAsync(complaint.Address))!.Version);
    }
}
