using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Publishing;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit.Dynamo;

namespace Cli.Tests.Packaging;

/// <summary>
/// The packaged bootstrap of the architecture this machine is not (arm64 on the x64 test machines: the one Lambda
/// runs by default), run under qemu user-mode emulation against a local Runtime API and DynamoDB Local. It proves
/// the cross-compiled executable starts, speaks the Runtime API and does its work, not only that it links.
/// <c>./suite test</c> packages it (<c>./suite package --arch arm64 --function SesFeedback</c>).
/// </summary>
[Trait("Category", "Integration")]
public sealed class CrossArchitectureBootstrapTests : IAsyncLifetime
{
    private const string Function = "SesFeedback";

    private static readonly LambdaArchitecture s_other = LambdaArchitecture.All.Single(a => !a.IsHost);

    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();
    private string _table = "";

    public async Task InitializeAsync() => _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.Mailing);

    public async Task DisposeAsync()
    {
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
    }

    [Fact]
    public void PackagedZip_OtherArchitecture_HoldsBootstrapBuiltForIt()
    {
        var zip = _layout.PackageZip(Function, s_other);
        var extracted = Path.Combine(Path.GetTempPath(), "cross-zip-" + Guid.NewGuid().ToString("N"));

        try
        {
            using (var archive = ZipFile.OpenRead(zip))
            {
                Assert.Single(archive.Entries).ExtractToFile(extracted);
            }

            Assert.Same(s_other, ElfHeader.ReadArchitecture(extracted));
        }
        finally
        {
            File.Delete(extracted);
        }
    }

    [Fact]
    public async Task Bootstrap_OtherArchitectureUnderQemu_AnswersComplaintAndWritesMailingTable()
    {
        var bootstrap = _layout.PackagedBootstrap(Function, s_other);
        Assert.Same(s_other, ElfHeader.ReadArchitecture(bootstrap));
        var logs = new List<string>();
        var environment = new Dictionary<string, string?> { ["MAILING_TABLE"] = _table };

        InvocationOutcome complaint;
        InvocationOutcome notJson;
        await using (var session = await BootstrapSession.StartAsync(bootstrap, Function, l => { lock (logs) { logs.Add(l); } }, default, environment, s_other))
        {
            try
            {
                // Emulation makes the first start slower than on the metal; the timeout is generous for a loaded CI machine.
                complaint = await session.InvokeAsync(await File.ReadAllBytesAsync(_layout.FullPath("demo/ses/04-complaint.json")), TimeSpan.FromSeconds(60), default);
                notJson = await session.InvokeAsync("{{{"u8.ToArray(), TimeSpan.FromSeconds(60), default);
            }
            catch (InvalidOperationException ex)
            {
                lock (logs)
                {
                    throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}{string.Join(Environment.NewLine, logs)}", ex);
                }
            }
        }

        Assert.False(complaint.IsError, Encoding.UTF8.GetString(complaint.Body) + string.Join(Environment.NewLine, logs));
        Assert.Equal(1, (int)JsonNode.Parse(complaint.Body)!["applied"]!);
        Assert.True(notJson.IsError);
        Assert.Contains("not JSON", notJson.Error!.ErrorMessage, StringComparison.Ordinal);
        var stored = await new MailingStore(_dynamoDb, _table, TimeProvider.System).GetAsync("ben@readers.example");
        Assert.Equal(MailingState.Suppressed, stored!.State);
        Assert.Equal("Complaint", stored.SuppressionReason);
    }
}
