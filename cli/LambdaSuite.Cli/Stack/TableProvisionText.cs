using LambdaSuite.Data.Tables;
using System.Globalization;
using System.Text;

namespace LambdaSuite.Cli.Stack;

/// <summary>One line per table for people: outcome, name, key, TTL, stream, and what differs.</summary>
public static class TableProvisionText
{
    public static string Format(TableProvisionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{result.Outcome.ToString().ToLowerInvariant(),-8} {result.TableName}  key {result.PartitionKey}");
        if (result.SortKey is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $"+{result.SortKey}");
        }

        if (result.TimeToLiveAttribute is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $"  ttl {result.TimeToLiveAttribute}");
        }

        if (result.StreamViewType is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $"  stream {result.StreamViewType}");
        }

        if (result.Detail is not null)
        {
            line.Append(CultureInfo.InvariantCulture, $"  ({result.Detail})");
        }

        return line.ToString();
    }
}
