using System.Globalization;

namespace Fanout.Targets;

/// <summary>Reading RESP2 replies from a <see cref="CacheConnection"/>.</summary>
internal static class RedisReply
{
    /// <summary>Deepest nesting accepted in a reply (CLUSTER SLOTS nests three levels; RESP2 maps arrive as arrays).</summary>
    private const int MaxDepth = 8;

    /// <summary>Reads one reply: simple string, error or integer as its line; a bulk string is skipped.</summary>
    public static async Task<string> ReadLineAsync(CacheConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var line = await connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line.StartsWith('$') && int.TryParse(line.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var length) && length >= 0)
        {
            await connection.SkipAsync(length, cancellationToken).ConfigureAwait(false);
        }

        return line.Length == 0 || line[0] is not ('+' or '-' or ':' or '$') ? throw new InvalidDataException($"Unexpected Redis reply '{line}'.") : line;
    }

    /// <summary>
    /// Reads one whole reply as a value: a <see cref="string"/> (simple or bulk string), a <see cref="long"/>, a
    /// <see cref="RedisError"/>, a <see cref="List{T}"/> of values (array) or null (null bulk string or array).
    /// </summary>
    public static Task<object?> ReadValueAsync(CacheConnection connection, CancellationToken cancellationToken) =>
        ReadValueAsync(connection, 0, cancellationToken);

    private static async Task<object?> ReadValueAsync(CacheConnection connection, int depth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var line = await connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line.Length == 0)
        {
            throw new InvalidDataException("Empty Redis reply line.");
        }

        switch (line[0])
        {
            case '+':
                return line[1..];
            case '-':
                return new RedisError(line[1..]);
            case ':':
                return long.TryParse(line.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new InvalidDataException($"Bad Redis integer reply '{line}'.");
        }

        if (!int.TryParse(line.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) || line[0] is not ('$' or '*'))
        {
            throw new InvalidDataException($"Unexpected Redis reply '{line}'.");
        }

        if (count < 0)
        {
            return null;
        }

        if (line[0] == '$')
        {
            return await connection.ReadStringAsync(count, cancellationToken).ConfigureAwait(false);
        }

        if (depth == MaxDepth)
        {
            throw new InvalidDataException($"Redis reply nested deeper than {MaxDepth} levels.");
        }

        var items = new List<object?>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            items.Add(await ReadValueAsync(connection, depth + 1, cancellationToken).ConfigureAwait(false));
        }

        return items;
    }
}
