using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace LambdaSuite.Data;

/// <summary>
/// The attribute builders and readers every mapper and store of this layer uses, written once so that they cannot
/// drift apart: numbers always in the invariant culture (DynamoDB's N is a decimal string), optional strings left out
/// rather than stored empty.
/// </summary>
internal static class ItemAttributes
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Writes <paramref name="value"/> as S unless it is null or empty: an absent field is not stored.</summary>
    public static void PutIfPresent(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = S(value);
        }
    }

    /// <summary>The attribute's S as stored (an empty string stays empty); null when absent or not a string.</summary>
    public static string? String(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    /// <summary>The attribute's S, with an empty string read as absent (null).</summary>
    public static string? NonEmptyString(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.S) ? value.S : null;

    /// <summary>The attribute's N as a whole number; null when absent or not a number; throws <see cref="FormatException"/> when N is not an integer.</summary>
    public static long? Number(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is not null ? long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
}
