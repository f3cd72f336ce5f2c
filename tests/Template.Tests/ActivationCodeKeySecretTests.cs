using System.Text.Json;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// IotRegistry's HMAC key lives in Secrets Manager, never in an environment variable (anyone with
/// lambda:GetFunctionConfiguration reads those): the stack creates the secret unless one is given, and the function
/// may read only that one secret.
/// </summary>
public class ActivationCodeKeySecretTests
{
    private const string GivenArn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:iot/activation-key-AbCdEf";
    private static readonly SamTemplate s_template = SamTemplate.Repository;

    [Fact]
    public void CreatedSecret_IsALongGeneratedAlphanumericValueKeptWhenTheStackGoes()
    {
        var secret = s_template.Resource("ActivationCodeKeySecret");

        var generate = secret.GetProperty("Properties").GetProperty("GenerateSecretString");

        Assert.Equal("AWS::SecretsManager::Secret", secret.GetProperty("Type").GetString());
        Assert.True(generate.GetProperty("PasswordLength").GetInt32() >= 64);
        Assert.True(generate.GetProperty("ExcludePunctuation").GetBoolean());
        Assert.False(generate.GetProperty("IncludeSpace").GetBoolean());
        // Losing the key invalidates every stored activation code, so neither deletion nor replacement removes it.
        Assert.Equal(("Retain", "Retain"), (secret.GetProperty("DeletionPolicy").GetString(), secret.GetProperty("UpdateReplacePolicy").GetString()));
    }

    [Theory]
    [InlineData("", true, "ActivationCodeKeySecret")]
    [InlineData(GivenArn, false, GivenArn)]
    public void KeyVariableAndStatement_NameTheCreatedOrTheGivenSecret(string parameter, bool created, string expected)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["ActivationCodeKeySecretArn"] = parameter });

        var variable = evaluator.String(s_template.EnvironmentOf("IotRegistry")["ACTIVATION_CODE_KEY_SECRET_ARN"]);

        Assert.Equal(expected, variable);
        Assert.Equal(created, evaluator.Condition(s_template.Resource("ActivationCodeKeySecret").GetProperty("Condition").GetString()!));
        var statement = Assert.Single(s_template.StatementsOf("IotRegistry"), s => s.Actions.Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal)));
        Assert.Equal(["secretsmanager:GetSecretValue"], statement.Actions);
        Assert.True(statement.IsCode);
        Assert.Equal([expected], statement.Resource.EnumerateArray().Select(evaluator.String));
    }

    [Fact]
    public void Functions_CarryNoKeyInTheirEnvironmentAndNoParameterIsASecret()
    {
        var noEcho = s_template.Parameters.Where(p => p.Value.TryGetProperty("NoEcho", out _)).Select(p => p.Key);

        var keyVariables = FunctionDeclarations.Names.SelectMany(f => s_template.EnvironmentOf(f).Keys)
            .Where(v => v.EndsWith("_KEY", StringComparison.Ordinal) || v.EndsWith("_SECRET", StringComparison.Ordinal));

        Assert.Empty(noEcho);
        Assert.Empty(keyVariables);
        Assert.Equal(JsonValueKind.Object, s_template.EnvironmentOf("IotRegistry")["ACTIVATION_CODE_KEY_SECRET_ARN"].ValueKind);
    }
}
