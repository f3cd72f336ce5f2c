using LambdaSuite.TestKit;

namespace Cli.Tests.Stack;

public sealed class StackEnvironmentFileTests
{
    [Fact]
    public void Parse_LinesAsUpWritesThem_ReturnsEveryVariable()
    {
        const string text = """
            export AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:23162
            export SUITE_DNS_TSIG=suite-tsig.:hmac-sha256:wV1pjpUOPoJqZho+JGperq6Hz1zW8lltqQH8nta9uqs=
            export SUITE_REDIS=127.0.0.1:31055

            """;

        var variables = StackEnvironmentFile.Parse(text);

        Assert.Equal(3, variables.Count);
        Assert.Equal("http://127.0.0.1:23162", variables["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.Equal("suite-tsig.:hmac-sha256:wV1pjpUOPoJqZho+JGperq6Hz1zW8lltqQH8nta9uqs=", variables["SUITE_DNS_TSIG"]);
    }

    [Theory]
    [InlineData("export AWS_ENDPOINT_URL='http://host:4566/a b'", "http://host:4566/a b")]
    [InlineData(@"export AWS_ENDPOINT_URL=http://host:4566/a\ b", "http://host:4566/a b")]
    public void Parse_QuotedValue_Unquotes(string line, string expected)
    {
        var variables = StackEnvironmentFile.Parse(line);

        Assert.Equal(expected, variables["AWS_ENDPOINT_URL"]);
    }

    [Theory]
    [InlineData("# a comment")]
    [InlineData("AWS_REGION=us-east-1")]
    [InlineData("export =value")]
    [InlineData("export 9LIVES=cat")]
    [InlineData("export NO_EQUALS_SIGN")]
    [InlineData("export BAD-NAME=x")]
    public void Parse_LineThatIsNotAnExport_IsSkipped(string line)
    {
        var variables = StackEnvironmentFile.Parse(line);

        Assert.Empty(variables);
    }

    [Fact]
    public void Apply_VariableAlreadySet_KeepsEnvironmentValue()
    {
        var name = "SUITE_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        var fresh = name + "_FRESH";
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, ".stack"));
            File.WriteAllText(Path.Combine(directory.FullName, StackEnvironmentFile.RelativePath), $"export {name}=from-file\nexport {fresh}=from-file\n");
            Environment.SetEnvironmentVariable(name, "from-environment");
            var nested = Directory.CreateDirectory(Path.Combine(directory.FullName, "artifacts", "bin"));

            var applied = StackEnvironmentFile.Apply(StackEnvironmentFile.Find(nested.FullName)!);

            Assert.Equal([fresh], applied);
            Assert.Equal("from-environment", Environment.GetEnvironmentVariable(name));
            Assert.Equal("from-file", Environment.GetEnvironmentVariable(fresh));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
            Environment.SetEnvironmentVariable(fresh, null);
            directory.Delete(recursive: true);
        }
    }
}
