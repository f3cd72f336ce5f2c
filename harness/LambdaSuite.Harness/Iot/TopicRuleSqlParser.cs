using System.Globalization;
using System.Text;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// Parses the subset of AWS IoT SQL (version 2016-03-23) that the template's rules use: SELECT with <c>*</c>,
/// <c>clientid()</c>, <c>principal()</c>, <c>topic()</c>, <c>topic(n)</c>, <c>timestamp()</c> and string literals, each
/// function or literal with <c>AS name</c>; FROM a quoted topic filter; an optional WHERE of <c>topic(n) = '...'</c>
/// comparisons joined by AND. Keywords and function names are case-insensitive, as in AWS IoT. Anything else is
/// refused with the offset and what was expected, so a rule the engine cannot run fails at start, not per message.
/// </summary>
internal sealed class TopicRuleSqlParser
{
    private readonly string _sql;
    private int _position;

    private TopicRuleSqlParser(string sql) => _sql = sql;

    public static TopicRuleSql Parse(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return new TopicRuleSqlParser(sql).Statement();
    }

    private TopicRuleSql Statement()
    {
        Keyword("SELECT");
        var items = new List<SelectItem> { Item() };
        while (TrySymbol(','))
        {
            items.Add(Item());
        }

        Keyword("FROM");
        var fromAt = SkipSpace();
        var from = StringLiteral();
        if (!TopicFilter.IsValid(from))
        {
            throw Fail($"'{from}' is not a valid topic filter ('+' and '#' must fill a whole level, '#' only the last)", fromAt);
        }

        var where = new List<TopicCondition>();
        if (TryKeyword("WHERE"))
        {
            where.Add(Condition());
            while (TryKeyword("AND"))
            {
                where.Add(Condition());
            }
        }

        if (SkipSpace() < _sql.Length)
        {
            throw Fail("expected the end of the statement", _position);
        }

        var aliases = items.Where(i => i.Alias is not null).GroupBy(i => i.Alias, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (aliases is not null)
        {
            throw new TopicRuleSqlException($"The alias '{aliases.Key}' is selected twice.");
        }

        return new TopicRuleSql(items, from, where);
    }

    private SelectItem Item()
    {
        var at = SkipSpace();
        if (TrySymbol('*'))
        {
            return new SelectItem(SelectFunction.Star, null);
        }

        if (Peek() == '\'')
        {
            var literal = StringLiteral();
            return new SelectItem(SelectFunction.Literal, Alias(at), literal);
        }

        var name = Identifier();
        Symbol('(');
        int? segment = null;
        var function = name.ToUpperInvariant() switch
        {
            "CLIENTID" => SelectFunction.ClientId,
            "PRINCIPAL" => SelectFunction.Principal,
            "TIMESTAMP" => SelectFunction.Timestamp,
            "TOPIC" => SelectFunction.Topic,
            _ => throw Fail($"the function '{name}' is not supported here (clientid, principal, topic, timestamp)", at),
        };
        if (function == SelectFunction.Topic && Peek() != ')')
        {
            segment = Integer();
        }

        Symbol(')');
        return new SelectItem(function, Alias(at), TopicSegment: segment);
    }

    private string Alias(int itemAt)
    {
        if (!TryKeyword("AS"))
        {
            throw Fail("expected AS and a name after a function or literal (the template names every selected value)", itemAt);
        }

        return Identifier();
    }

    private TopicCondition Condition()
    {
        var at = SkipSpace();
        var name = Identifier();
        if (!name.Equals("topic", StringComparison.OrdinalIgnoreCase))
        {
            throw Fail("expected topic(n) = '...' (the only condition supported)", at);
        }

        Symbol('(');
        var segment = Integer();
        Symbol(')');
        Symbol('=');
        return new TopicCondition(segment, StringLiteral());
    }

    private int Integer()
    {
        var start = SkipSpace();
        while (_position < _sql.Length && char.IsAsciiDigit(_sql[_position]))
        {
            _position++;
        }

        if (_position == start || !int.TryParse(_sql.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw Fail("expected a topic level number from 1", start);
        }

        return value;
    }

    /// <summary>A single-quoted literal; a quote inside is written twice.</summary>
    private string StringLiteral()
    {
        var start = SkipSpace();
        if (Peek() != '\'')
        {
            throw Fail("expected a quoted string", start);
        }

        _position++;
        var text = new StringBuilder();
        while (_position < _sql.Length)
        {
            var c = _sql[_position++];
            if (c != '\'')
            {
                text.Append(c);
            }
            else if (Peek() == '\'')
            {
                text.Append('\'');
                _position++;
            }
            else
            {
                return text.ToString();
            }
        }

        throw Fail("the quoted string is not closed", start);
    }

    private string Identifier()
    {
        var start = SkipSpace();
        while (_position < _sql.Length && (char.IsAsciiLetterOrDigit(_sql[_position]) || _sql[_position] == '_'))
        {
            _position++;
        }

        if (_position == start || char.IsAsciiDigit(_sql[start]))
        {
            throw Fail("expected a name", start);
        }

        return _sql[start.._position];
    }

    private void Keyword(string keyword)
    {
        var at = SkipSpace();
        if (!TryKeyword(keyword))
        {
            throw Fail($"expected {keyword}", at);
        }
    }

    private bool TryKeyword(string keyword)
    {
        var start = SkipSpace();
        var end = start + keyword.Length;
        if (end > _sql.Length
            || !_sql.AsSpan(start, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)
            || (end < _sql.Length && (char.IsAsciiLetterOrDigit(_sql[end]) || _sql[end] == '_')))
        {
            return false;
        }

        _position = end;
        return true;
    }

    private void Symbol(char symbol)
    {
        var at = SkipSpace();
        if (!TrySymbol(symbol))
        {
            throw Fail($"expected '{symbol}'", at);
        }
    }

    private bool TrySymbol(char symbol)
    {
        SkipSpace();
        if (Peek() != symbol)
        {
            return false;
        }

        _position++;
        return true;
    }

    private char Peek() => _position < _sql.Length ? _sql[_position] : '\0';

    private int SkipSpace()
    {
        while (_position < _sql.Length && char.IsWhiteSpace(_sql[_position]))
        {
            _position++;
        }

        return _position;
    }

    private TopicRuleSqlException Fail(string expected, int offset) =>
        new($"The rule SQL cannot be run locally at offset {offset}: {expected}. Statement: {_sql}", offset);
}
