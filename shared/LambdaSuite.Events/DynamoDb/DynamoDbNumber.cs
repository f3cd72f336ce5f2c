using System.Diagnostics.CodeAnalysis;

namespace LambdaSuite.Events.DynamoDb;

/// <summary>
/// DynamoDB numbers travel as decimal strings (up to 38 significant digits) and are kept that way here:
/// a double would turn 12345678901234567890.123456789 into 12345678901234567000. This only checks the
/// grammar and, where a string is not already a JSON number (<c>+1</c>, <c>.5</c>, <c>007</c>, <c>5.</c>),
/// rewrites it into one without changing its value.
/// </summary>
public static class DynamoDbNumber
{
    public static bool IsValid(string? text) => TryToJsonNumber(text, out _);

    /// <summary>The number as a JSON number literal; identical to <paramref name="text"/> whenever that already is one.</summary>
    public static bool TryToJsonNumber(string? text, [NotNullWhen(true)] out string? json)
    {
        json = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integerDigits = text[integerStart..i];
        var fraction = string.Empty;
        var hasPoint = i < text.Length && text[i] == '.';
        if (hasPoint)
        {
            i++;
            var fractionStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fraction = text[fractionStart..i];
        }

        if (integerDigits.Length == 0 && fraction.Length == 0)
        {
            return false;
        }

        var exponent = string.Empty;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exponentStart = i;
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var exponentDigitsStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == exponentDigitsStart)
            {
                return false;
            }

            exponent = text[exponentStart..i];
        }

        if (i != text.Length)
        {
            return false;
        }

        var alreadyJson = text[0] != '+'
            && integerDigits.Length > 0
            && (integerDigits.Length == 1 || integerDigits[0] != '0')
            && (!hasPoint || fraction.Length > 0);
        if (alreadyJson)
        {
            json = text;
            return true;
        }

        var integer = integerDigits.TrimStart('0');
        json = string.Concat(
            negative ? "-" : string.Empty,
            integer.Length == 0 ? "0" : integer,
            fraction.Length > 0 ? "." + fraction : string.Empty,
            exponent);
        return true;
    }
}
