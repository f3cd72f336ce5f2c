using System.Text;
using Fanout.Records;

namespace Fanout.Tests.Records;

public sealed class DynamoDbPlainReaderTests
{
    private const string Arn = "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2026-01-01T00:00:00.000";
    private const string OtherArn = "arn:aws:dynamodb:us-east-1:123456789012:table/u/stream/2026-01-01T00:00:00.000";

    public static TheoryData<string> Images => new()
    {
        """{"k":{"S":"a"}}""",
        """{"s":{"S":"tab\t quote\" slash\\ <html> & é 中 😀 \u0001"},"n":{"N":"-1.50E+3"},"z":{"N":"0.000000000000000000000000000001"},"big":{"N":"12345678901234567890.123456789"}}""",
        """{"b":{"B":"AAEC/w=="},"bs":{"BS":["AA==","/w=="]},"ss":{"SS":["x","y\u00e9"]},"ns":{"NS":["1","2.5","-0"]}}""",
        """{"m":{"M":{"inner":{"L":[{"S":"a"},{"N":"1"},{"NULL":true},{"BOOL":false},{"M":{}},{"L":[]}]}}},"t":{"BOOL":true},"nil":{"NULL":true}}""",
        """{}""",
        """{"esc\u0061ped":{"S":"the name is escaped: the full reader decides"}}""",
        """{"d":{"S":"first"},"d":{"S":"repeated: the full reader decides"}}""",
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Read_AnyImage_SameRecordsAsTheFullReader(string image)
    {
        var json = Event(
            Record("e1", "INSERT", Arn, "1", keys: """{"id":{"S":"x"},"at":{"N":"7"}}""", newImage: image, oldImage: null),
            Record("e2", "MODIFY", OtherArn, "2", keys: """{"id":{"S":"y"}}""", newImage: image, oldImage: image),
            Record("e3", "REMOVE", Arn, "3", keys: """{"id":{"S":"z"}}""", newImage: null, oldImage: image));

        var fast = DynamoDbEventReader.Read(json);
        var full = DynamoDbEventReader.ReadFull(json);

        AssertSame(full, fast);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void TryRead_AnyImage_FastPathOnlyForUnescapedUniqueNames(string image)
    {
        var json = Event(Record("e1", "INSERT", Arn, "1", keys: """{"id":{"S":"x"}}""", newImage: image, oldImage: image));

        var batches = DynamoDbPlainReader.TryRead(json, () => DynamoDbEventReader.ReadFull(json));

        var needsFullReader = image.Contains("\\u0061", StringComparison.Ordinal) || image.Contains("repeated", StringComparison.Ordinal);
        Assert.Equal(needsFullReader, batches is null);
    }

    [Fact]
    public void Read_TestDataEvent_SameRecordsAsTheFullReader()
    {
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Events", "dynamodb-insert-modify-remove.json"));

        AssertSame(DynamoDbEventReader.ReadFull(json), DynamoDbEventReader.Read(json));
    }

    [Fact]
    public void TryRead_PlainEvent_TakesTheFastPathAndReadsTypedFormOnlyWhenAsked()
    {
        var json = Event(Record("e1", "INSERT", Arn, "1", keys: """{"id":{"S":"x"}}""", newImage: """{"id":{"S":"x"},"n":{"N":"1.0"}}""", oldImage: null));
        var fullReads = 0;

        var batches = DynamoDbPlainReader.TryRead(json, () =>
        {
            fullReads++;
            return DynamoDbEventReader.ReadFull(json);
        });

        Assert.NotNull(batches);
        var plain = Encoding.UTF8.GetString(Assert.Single(batches).Converted()[0].Data.Span);
        Assert.Contains("\"NewImage\":{\"id\":\"x\",\"n\":1.0}", plain, StringComparison.Ordinal);
        Assert.Equal(0, fullReads);
        Assert.Contains("\"N\":\"1.0\"", Encoding.UTF8.GetString(batches[0].Records[0].Data.Span), StringComparison.Ordinal);
        Assert.Equal(1, fullReads);
    }

    [Theory]
    [InlineData("""{"n":{"N":"not a number"}}""")]
    [InlineData("""{"n":{"S":"a","N":"1"}}""")]
    [InlineData("""{"n":{"X":"1"}}""")]
    [InlineData("""{"n":{"NULL":false}}""")]
    [InlineData("""{"n":{"B":"not base64!"}}""")]
    [InlineData("""{"n":{"S":"a"},"n":{"S":"b"}}""")]
    public void TryRead_ImageTheFastPathMustNotDecide_ReturnsNull(string image)
    {
        var json = Event(Record("e1", "INSERT", Arn, "1", keys: """{"id":{"S":"x"}}""", newImage: image, oldImage: null));

        var batches = DynamoDbPlainReader.TryRead(json, () => throw new InvalidOperationException("not asked"));

        Assert.Null(batches);
    }

    [Fact]
    public void Read_OneBadRecord_FullReaderStillFailsItAlone()
    {
        var json = Event(
            Record("e1", "INSERT", Arn, "1", keys: """{"id":{"S":"x"}}""", newImage: """{"n":{"N":"bad"}}""", oldImage: null),
            Record("e2", "INSERT", Arn, "2", keys: """{"id":{"S":"y"}}""", newImage: """{"n":{"N":"2"}}""", oldImage: null));

        var batch = Assert.Single(DynamoDbEventReader.Read(json));

        Assert.Single(batch.ReadProblems);
        Assert.Equal(1, Assert.Single(batch.Converted()).ParentIndex);
    }

    [Fact]
    public void Read_LongKeys_PartitionKeyIsTheirHashAsInTheFullReader()
    {
        var json = Event(Record("e1", "INSERT", Arn, "1", keys: "{\"id\":{\"S\":\"" + new string('k', 400) + "\"}}", newImage: null, oldImage: null));

        var fast = Assert.Single(DynamoDbEventReader.Read(json)).Converted()[0];

        Assert.Equal(64, fast.PartitionKey.Length);
        Assert.Equal(Assert.Single(DynamoDbEventReader.ReadFull(json)).Converted()[0].PartitionKey, fast.PartitionKey);
    }

    private static void AssertSame(IReadOnlyList<SourceBatch> expected, IReadOnlyList<SourceBatch> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var b = 0; b < expected.Count; b++)
        {
            Assert.Equal(expected[b].SourceArn, actual[b].SourceArn);
            Assert.Equal(expected[b].SequenceNumbers, actual[b].SequenceNumbers);
            Assert.Equal(expected[b].ReadProblems.Length, actual[b].ReadProblems.Length);
            foreach (var (want, got) in new[] { (expected[b].Converted(), actual[b].Converted()), (expected[b].Records, actual[b].Records) })
            {
                Assert.Equal(want.Length, got.Length);
                for (var i = 0; i < want.Length; i++)
                {
                    Assert.Equal(want[i].ParentIndex, got[i].ParentIndex);
                    Assert.Equal(want[i].PartitionKey, got[i].PartitionKey);
                    Assert.Equal(Encoding.UTF8.GetString(want[i].Data.Span), Encoding.UTF8.GetString(got[i].Data.Span));
                }
            }
        }
    }

    private static byte[] Event(params string[] records) => Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(',', records) + "]}");

    private static string Record(string id, string name, string arn, string sequence, string keys, string? newImage, string? oldImage) =>
        "{\"eventID\":\"" + id + "\",\"eventName\":\"" + name + "\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"eventSourceARN\":\"" + arn + "\","
        + "\"dynamodb\":{\"ApproximateCreationDateTime\":1767225600.5,\"Keys\":" + keys
        + (newImage is null ? "" : ",\"NewImage\":" + newImage)
        + (oldImage is null ? "" : ",\"OldImage\":" + oldImage)
        + ",\"SequenceNumber\":\"" + sequence + "\",\"SizeBytes\":10,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}";
}
