using LambdaSuite.Data.Tables;
using Template.Tests.Support;

namespace Template.Tests;

public class FunctionEnvironmentTests
{
    public static TheoryData<string> Functions() => FunctionDeclarations.All();

    [Theory]
    [MemberData(nameof(Functions))]
    public void TemplateEnvironment_IsExactlyWhatTheFunctionDeclares(string function)
    {
        var declared = FunctionDeclarations.EnvironmentVariables(function);

        var set = SamTemplate.Repository.EnvironmentOf(function).Keys;

        Assert.Equal(declared.Order(StringComparer.Ordinal), set.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void EveryVariableTheSourceReads_IsDeclared(string function)
    {
        var declared = FunctionDeclarations.EnvironmentVariables(function);

        var read = EnvironmentReadScanner.ScanFunction(function, TableVariablesByMember());

        Assert.Empty(read.Except(declared).Order());
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void TemplateEnvironment_SetsNoVariableLambdaProvides(string function)
    {
        var environment = SamTemplate.Repository.EnvironmentOf(function);

        var standard = environment.Keys.Where(EnvironmentReadScanner.IsStandard).ToList();

        Assert.Empty(standard);
    }

    [Fact]
    public void ScanText_SettingsDelegateAndConstants_AreFoundAndOtherLiteralsAreNot()
    {
        const string Source = """
            const string LimitVariable = "SOFT_LIMIT";
            var a = environment("QUEUE_URL");
            var b = Environment.GetEnvironmentVariable( "AWS_REGION");
            var c = Log("NOT_A_VARIABLE");
            const string Mode = "TRIM_HORIZON";
            """;

        var found = EnvironmentReadScanner.ScanText(Source);

        Assert.Equal(["AWS_REGION", "QUEUE_URL", "SOFT_LIMIT"], found.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> TableVariablesByMember() =>
        typeof(TableCatalog).GetFields().Where(f => f.FieldType == typeof(TableDefinition))
            .ToDictionary(f => f.Name, f => ((TableDefinition)f.GetValue(null)!).EnvironmentVariable, StringComparer.Ordinal);
}
