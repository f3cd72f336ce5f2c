using Amazon.DynamoDBv2;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit.Dynamo;

namespace Cli.Tests.Functions;

/// <summary>
/// The set-up the bootstrap tests share: one function's packaged AOT <c>bootstrap</c> (from <c>./suite package</c>)
/// under a local Runtime API, on a table of its own in DynamoDB Local (deleted at the end), its log lines kept.
/// </summary>
public sealed class PackagedFunction : IAsyncDisposable
{
    private readonly List<string> _logs = [];

    private PackagedFunction(IAmazonDynamoDB dynamoDb, string table)
    {
        DynamoDb = dynamoDb;
        Table = table;
    }

    public IAmazonDynamoDB DynamoDb { get; }

    /// <summary>The function's own table.</summary>
    public string Table { get; }

    public BootstrapSession Session { get; private set; } = null!;

    /// <summary>The bootstrap's log lines so far.</summary>
    public IReadOnlyList<string> Logs
    {
        get
        {
            lock (_logs)
            {
                return [.. _logs];
            }
        }
    }

    /// <summary>Starts <paramref name="function"/> with its table's variable set to a fresh table and <paramref name="variables"/> on top, at DEBUG.</summary>
    public static async Task<PackagedFunction> StartAsync(string function, TableDefinition table, IReadOnlyDictionary<string, string?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var dynamoDb = LocalDynamoDb.CreateClient();
        var packaged = new PackagedFunction(dynamoDb, await LocalDynamoDb.CreateUniqueTableAsync(dynamoDb, table));
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [table.EnvironmentVariable] = packaged.Table,
            ["AWS_LAMBDA_LOG_LEVEL"] = "DEBUG",
        };
        foreach (var (name, value) in variables ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        try
        {
            packaged.Session = await BootstrapSession.StartAsync(RepositoryLayout.Discover().PackagedBootstrap(function), function, packaged.Keep, default, environment);
        }
        catch
        {
            await packaged.DisposeAsync();
            throw;
        }

        return packaged;
    }

    public Task<InvocationOutcome> InvokeAsync(byte[] @event, TimeSpan? timeout = null) =>
        Session.InvokeAsync(@event, timeout ?? TimeSpan.FromSeconds(30), default);

    public async ValueTask DisposeAsync()
    {
        if (Session is not null)
        {
            await Session.DisposeAsync();
        }

        await DynamoDb.DeleteTableAsync(Table);
        DynamoDb.Dispose();
    }

    private void Keep(string line)
    {
        lock (_logs)
        {
            _logs.Add(line);
        }
    }
}
