using System.Reflection;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data.Mailing;

namespace Template.Tests;

/// <summary>The per-client IAM action lists every function declaration is built from.</summary>
public class ClientIamActionsTests
{
    private static readonly Dictionary<string, string> s_prefixByNamespace = new(StringComparer.Ordinal)
    {
        ["Sns"] = "sns:", ["Sqs"] = "sqs:", ["Kinesis"] = "kinesis:", ["Firehose"] = "firehose:",
        ["Lambda"] = "lambda:", ["IotData"] = "iot:", ["Route53"] = "route53:", ["Sts"] = "sts:", ["SecretsManager"] = "secretsmanager:",
    };

    [Fact]
    public void EveryInHouseClient_DeclaresActionsOfItsOwnService()
    {
        var clients = typeof(AwsHttp).Assembly.GetTypes()
            .Where(t => t.IsClass && t.IsPublic && t.Name.EndsWith("Client", StringComparison.Ordinal) && t.GetConstructor([typeof(AwsHttp)]) is not null)
            .ToList();

        var problems = new List<string>();
        foreach (var client in clients)
        {
            var actions = client.GetProperty("IamActions", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IReadOnlyList<string>;
            var prefix = s_prefixByNamespace.GetValueOrDefault(client.Namespace!.Split('.')[^1], "?");
            if (actions is null || actions.Count == 0 || actions.Any(a => !a.StartsWith(prefix, StringComparison.Ordinal)))
            {
                problems.Add($"{client.Name}: [{string.Join(", ", actions ?? [])}], expected {prefix}*");
            }
        }

        Assert.Equal(s_prefixByNamespace.Count, clients.Count);
        Assert.Empty(problems);
    }

    [Fact]
    public void MailingStore_DeclaresTheDynamoDbCallsItMakes()
    {
        var source = File.ReadAllText(Support.RepositoryRoot.Combine("shared", "LambdaSuite.Data", "Mailing", "MailingStore.cs"));

        var called = System.Text.RegularExpressions.Regex.Matches(source, @"dynamoDb\.(\w+)Async\(").Select(m => "dynamodb:" + m.Groups[1].Value).Distinct();

        Assert.Equal(MailingStore.CliIamActions.Order(StringComparer.Ordinal), called.Order(StringComparer.Ordinal));
        Assert.Subset(MailingStore.CliIamActions.ToHashSet(StringComparer.Ordinal), MailingStore.FunctionIamActions.ToHashSet(StringComparer.Ordinal));
        // Only the CLI lists the table; the function reads and writes one address at a time.
        Assert.DoesNotContain("dynamodb:Scan", MailingStore.FunctionIamActions);
    }
}
