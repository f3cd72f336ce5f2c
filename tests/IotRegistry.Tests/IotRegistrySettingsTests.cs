using LambdaSuite.Data.Tables;

namespace IotRegistry.Tests;

public sealed class IotRegistrySettingsTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:iot/activation-code-key-AbCdEf";

    [Fact]
    public void FromEnvironment_OnlyLocalEndpointSet_LocalDefaults()
    {
        var settings = IotRegistrySettings.Read(name => name == "AWS_ENDPOINT_URL_DYNAMODB" ? "http://127.0.0.1:8000" : null);

        Assert.Equal(TableCatalog.IotCatalog.LogicalName, settings.TableName);
        Assert.True(settings.UsesDevelopmentKey);
        Assert.Null(settings.ActivationCodeKeySecretArn);
        Assert.Equal(5, settings.Lockout.MaxFailedAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.Lockout.Window);
    }

    [Fact]
    public void FromEnvironment_EverythingSet_UsesValuesAndTheSecretsRegion()
    {
        var values = new Dictionary<string, string>
        {
            ["IOT_CATALOG_TABLE"] = "devices-prod",
            ["ACTIVATION_CODE_KEY_SECRET_ARN"] = " " + SecretArn + " ",
            ["ACTIVATION_MAX_FAILED_ATTEMPTS"] = "3",
            ["ACTIVATION_LOCKOUT_WINDOW_SECONDS"] = "60",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "IotRegistry",
            ["AWS_REGION"] = "us-east-1",
        };

        var settings = IotRegistrySettings.Read(name => values.GetValueOrDefault(name));

        Assert.Equal("devices-prod", settings.TableName);
        Assert.False(settings.UsesDevelopmentKey);
        Assert.Equal(SecretArn, settings.ActivationCodeKeySecretArn);
        Assert.Equal("eu-west-1", settings.ActivationCodeKeySecretRegion);
        Assert.Equal(3, settings.Lockout.MaxFailedAttempts);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.Lockout.Window);
    }

    [Fact]
    public void FromEnvironment_RealDynamoDbWithoutSecret_RefusesToStartNamingTheVariable()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            IotRegistrySettings.Read(name => name == "AWS_LAMBDA_FUNCTION_NAME" ? "IotRegistry" : null));

        Assert.StartsWith("ACTIVATION_CODE_KEY_SECRET_ARN is not set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_DYNAMODB", "https://dynamodb-fips.us-east-1.amazonaws.com")]
    [InlineData("AWS_ENDPOINT_URL_DYNAMODB", "https://vpce-0abc.dynamodb.us-east-1.vpce.amazonaws.com")]
    [InlineData("AWS_ENDPOINT_URL", "http://10.0.0.5:4566")]
    public void FromEnvironment_RealServiceThroughAConfiguredEndpointWithoutSecret_RefusesToStart(string variable, string endpoint)
    {
        var values = new Dictionary<string, string> { ["AWS_LAMBDA_FUNCTION_NAME"] = "IotRegistry", [variable] = endpoint };

        var error = Assert.Throws<InvalidOperationException>(() => IotRegistrySettings.Read(name => values.GetValueOrDefault(name)));

        Assert.StartsWith("ACTIVATION_CODE_KEY_SECRET_ARN is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_LocalRunnerSetsFunctionNameWithLocalEndpoint_StartsWithDevelopmentKey()
    {
        var values = new Dictionary<string, string> { ["AWS_LAMBDA_FUNCTION_NAME"] = "IotRegistry", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566" };

        var settings = IotRegistrySettings.Read(name => values.GetValueOrDefault(name));

        Assert.True(settings.UsesDevelopmentKey);
    }

    [Fact]
    public void FromEnvironment_OldKeyVariableOnly_NotReadSoStillRefusedOutsideLocalStack()
    {
        var values = new Dictionary<string, string> { ["ACTIVATION_CODE_KEY"] = "0123456789abcdef0123456789abcdef-prod" };

        var error = Assert.Throws<InvalidOperationException>(() => IotRegistrySettings.Read(name => values.GetValueOrDefault(name)));

        Assert.Contains("ACTIVATION_CODE_KEY_SECRET_ARN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ACTIVATION_CODE_KEY_SECRET_ARN", "iot/activation-code-key")]
    [InlineData("ACTIVATION_CODE_KEY_SECRET_ARN", "arn:aws:ssm:eu-west-1:123456789012:parameter/key")]
    [InlineData("ACTIVATION_CODE_KEY_SECRET_ARN", "arn:aws:secretsmanager::123456789012:secret:key")]
    [InlineData("ACTIVATION_MAX_FAILED_ATTEMPTS", "0")]
    [InlineData("ACTIVATION_MAX_FAILED_ATTEMPTS", "five")]
    [InlineData("ACTIVATION_MAX_FAILED_ATTEMPTS", "-1")]
    [InlineData("ACTIVATION_LOCKOUT_WINDOW_SECONDS", "99999999")]
    public void FromEnvironment_BadValue_ThrowsNamingTheVariable(string variable, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            IotRegistrySettings.Read(name => name == variable ? value : name == "AWS_ENDPOINT_URL_DYNAMODB" ? "http://127.0.0.1:8000" : null));

        Assert.StartsWith(variable, error.Message, StringComparison.Ordinal);
    }
}
