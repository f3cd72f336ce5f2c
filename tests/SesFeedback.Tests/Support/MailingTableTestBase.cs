using Amazon.DynamoDBv2;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Dynamo;
using SesFeedback.Feedback;
using SesFeedback.Mailing;

namespace SesFeedback.Tests.Support;

/// <summary>A mailing table of its own on DynamoDB Local per test, and the function and store over it.</summary>
public abstract class MailingTableTestBase : IAsyncLifetime
{
    protected IAmazonDynamoDB DynamoDb { get; } = LocalDynamoDb.CreateClient();

    protected string Table { get; private set; } = "";

    public async Task InitializeAsync() => Table = await LocalDynamoDb.CreateUniqueTableAsync(DynamoDb, TableCatalog.Mailing);

    public async Task DisposeAsync()
    {
        await DynamoDb.DeleteTableAsync(Table);
        DynamoDb.Dispose();
    }

    protected MailingStore Store(string? table = null) => new(DynamoDb, table ?? Table, TimeProvider.System);

    /// <summary>The handler as Program composes it, with the default soft-bounce policy.</summary>
    private protected SesFeedbackFunction Function(string? table = null)
    {
        var store = Store(table);
        return new SesFeedbackFunction(new FeedbackService(store, new MailingRules(SoftBouncePolicy.Default)), store);
    }
}
