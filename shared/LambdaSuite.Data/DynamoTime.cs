using System.Globalization;

namespace LambdaSuite.Data;

/// <summary>
/// Times are stored as fixed-width UTC ISO 8601 strings (millisecond precision), so that string order in
/// DynamoDB conditions and sort keys is time order.
/// </summary>
public static class DynamoTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.ParseExact(value, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
