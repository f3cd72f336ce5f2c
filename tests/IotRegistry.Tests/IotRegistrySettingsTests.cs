using LambdaSuite.Data.Tables;

namespace IotRegistry.Tests;

public sealed class IotRegistrySettingsTests
{
    [Fact]
    public void FromEnvironment_OnlyLocalEndpointSet_LocalDefaults()
    {
        var settings = IotRegistrySettings.FromEnvironment(name => name == "AWS_ENDPOINT_URL_DYNAMODB" ? "http://127.0.0.1:8000" : null);

        Assert.Equal(TableCatalog.IotCatalog.LogicalName, settings.TableName);
        Assert.True(settings.UsesDevelopmentKey);
        Assert.Equal(5, settings.Lockout.MaxFailedAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.Lockout.Window);
    }

    [Fact]
    public void FromEnvironment_EverythingSet_UsesValues()
    {
        var values = new Dictionary<string, string>
        {
            ["IOT_CATALOG_TABLE"] = "devices-prod",
            ["ACTIVATION_CODE_KEY"] = "0123456789abcdef0123456789abcdef-prod",
            ["ACTIVATION_MAX_FAILED_ATTEMPTS"] = "3",
            ["ACTIVATION_LOCKOUT_WINDOW_SECONDS"] = "60",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "IotRegistry",
        };

        var settings = IotRegistrySettings.FromEnvironment(name => values.GetValueOrDefault(name));

        Assert.Equal("devices-prod", settings.TableName);
        Assert.False(settings.UsesDevelopmentKey);
        Assert.Equal("0123456789abcdef0123456789abcdef-prod"u8.ToArray(), settings.ActivationCodeKey);
        Assert.Equal(3, settings.Lockout.MaxFailedAttempts);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.Lockout.Window);
    }

    [Fact]
    public void FromEnvironment_RealDynamoDbWithoutKey_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            IotRegistrySettings.FromEnvironment(name => name == "AWS_LAMBDA_FUNCTION_NAME" ? "IotRegistry" : null));

        Assert.Contains("ACTIVATION_CODE_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_LocalRunnerSetsFunctionNameWithLocalEndpoint_StartsWithDevelopmentKey()
    {
        var values = new Dictionary<string, string> { ["AWS_LAMBDA_FUNCTION_NAME"] = "IotRegistry", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566" };

        var settings = IotRegistrySettings.FromEnvironment(name => values.GetValueOrDefault(name));

        Assert.True(settings.UsesDevelopmentKey);
    }

    [Theory]
    [InlineData("ACTIVATION_CODE_KEY", "too-short")]
    [InlineData("ACTIVATION_MAX_FAILED_ATTEMPTS", "0")]
    [InlineData("ACTIVATION_MAX_FAILED_ATTEMPTS", "five")]
    [InlineData("ACTIVATION_MAX_FAILED_ATTEMPTS", "-1")]
    [InlineData("ACTIVATION_LOCKOUT_WINDOW_SECONDS", "99999999")]
    public void FromEnvironment_BadValue_ThrowsNamingTheVariable(string variable, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            IotRegistrySettings.FromEnvironment(name => name == variable ? value : name == "AWS_ENDPOINT_URL_DYNAMODB" ? "http://127.0.0.1:8000" : null));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_ShortKey_MessageDoesNotEchoTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            IotRegistrySettings.FromEnvironment(name => name == "ACTIVATION_CODE_KEY" ? "short-secret" : null));

        Assert.DoesNotContain("short-secret", error.Message, StringComparison.Ordinal);
    }
}
