using System.Text.Json.Serialization;

namespace LambdaSuite.Events.DynamoDb;

/// <summary>
/// One DynamoDB attribute value as stream records carry it (<c>{"S":"x"}</c>, <c>{"N":"1.5"}</c>, ...). Numbers stay
/// exact decimal strings, binary is decoded to bytes. Read and written by
/// <see cref="DynamoDbAttributeValueJsonConverter"/>; <see cref="DynamoDbPlainJson"/> turns it into ordinary JSON.
/// </summary>
[JsonConverter(typeof(DynamoDbAttributeValueJsonConverter))]
public sealed class DynamoDbAttributeValue
{
    private static readonly DynamoDbAttributeValue s_null = new(DynamoDbAttributeKind.Null);
    private static readonly DynamoDbAttributeValue s_true = new(DynamoDbAttributeKind.Bool) { Bool = true };
    private static readonly DynamoDbAttributeValue s_false = new(DynamoDbAttributeKind.Bool) { Bool = false };

    private DynamoDbAttributeValue(DynamoDbAttributeKind kind)
    {
        Kind = kind;
    }

    public DynamoDbAttributeKind Kind { get; }

    /// <summary><c>S</c>, or the decimal text of <c>N</c>.</summary>
    public string? Text { get; private init; }

    /// <summary><c>B</c>.</summary>
    public byte[]? Binary { get; private init; }

    /// <summary><c>SS</c>, or the decimal texts of <c>NS</c>.</summary>
    public IReadOnlyList<string>? TextSet { get; private init; }

    /// <summary><c>BS</c>.</summary>
    public IReadOnlyList<byte[]>? BinarySet { get; private init; }

    /// <summary><c>M</c>.</summary>
    public IReadOnlyDictionary<string, DynamoDbAttributeValue>? Map { get; private init; }

    /// <summary><c>L</c>.</summary>
    public IReadOnlyList<DynamoDbAttributeValue>? List { get; private init; }

    /// <summary><c>BOOL</c>.</summary>
    public bool Bool { get; private init; }

    public static DynamoDbAttributeValue Null => s_null;

    public static DynamoDbAttributeValue FromString(string value) =>
        new(DynamoDbAttributeKind.String) { Text = value ?? throw new ArgumentNullException(nameof(value)) };

    /// <summary>A number from its decimal text; throws <see cref="FormatException"/> when it is not a number.</summary>
    public static DynamoDbAttributeValue FromNumber(string value) =>
        new(DynamoDbAttributeKind.Number) { Text = RequireNumber(value) };

    public static DynamoDbAttributeValue FromBinary(byte[] value) =>
        new(DynamoDbAttributeKind.Binary) { Binary = value ?? throw new ArgumentNullException(nameof(value)) };

    public static DynamoDbAttributeValue FromStringSet(IEnumerable<string> values) =>
        new(DynamoDbAttributeKind.StringSet) { TextSet = [.. values] };

    public static DynamoDbAttributeValue FromNumberSet(IEnumerable<string> values) =>
        new(DynamoDbAttributeKind.NumberSet) { TextSet = [.. values.Select(RequireNumber)] };

    public static DynamoDbAttributeValue FromBinarySet(IEnumerable<byte[]> values) =>
        new(DynamoDbAttributeKind.BinarySet) { BinarySet = [.. values] };

    public static DynamoDbAttributeValue FromMap(IReadOnlyDictionary<string, DynamoDbAttributeValue> values) =>
        new(DynamoDbAttributeKind.Map) { Map = values ?? throw new ArgumentNullException(nameof(values)) };

    public static DynamoDbAttributeValue FromList(IEnumerable<DynamoDbAttributeValue> values) =>
        new(DynamoDbAttributeKind.List) { List = [.. values] };

    public static DynamoDbAttributeValue FromBool(bool value) => value ? s_true : s_false;

    private static string RequireNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return DynamoDbNumber.IsValid(value) ? value : throw new FormatException($"'{value}' is not a DynamoDB number.");
    }
}
