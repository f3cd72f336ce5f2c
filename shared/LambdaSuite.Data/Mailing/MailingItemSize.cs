using System.Text;
using Amazon.DynamoDBv2.Model;

namespace LambdaSuite.Data.Mailing;

/// <summary>
/// An item's size as DynamoDB counts it against its 400 KB limit: attribute name bytes plus value bytes, strings
/// in UTF-8, numbers about one byte per two digits plus one, maps and lists 3 bytes plus one per element
/// (rounded up: this is used to refuse before DynamoDB would).
/// </summary>
public static class MailingItemSize
{
    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var size = 0;
        foreach (var (name, value) in item)
        {
            size += Encoding.UTF8.GetByteCount(name) + Of(value);
        }

        return size;
    }

    private static int Of(AttributeValue value)
    {
        if (value.S is not null)
        {
            return Encoding.UTF8.GetByteCount(value.S);
        }

        if (value.N is not null)
        {
            return (value.N.Length / 2) + 2;
        }

        if (value.M is not null)
        {
            return 3 + value.M.Sum(p => 1 + Encoding.UTF8.GetByteCount(p.Key) + Of(p.Value));
        }

        if (value.L is not null)
        {
            return 3 + value.L.Sum(v => 1 + Of(v));
        }

        return 1;
    }
}
