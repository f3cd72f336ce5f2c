using System.Collections;

namespace LambdaSuite.Events.Http;

/// <summary>
/// Ordered name → values map used for headers (case-insensitive names) and query parameters (exact names).
/// Keeps every repeated value in arrival order, because the three AWS formats disagree on how they repeat.
/// </summary>
public sealed class HttpValueCollection : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly Dictionary<string, List<string>> _values;
    private readonly List<string> _order = [];

    public HttpValueCollection(StringComparer nameComparer)
    {
        ArgumentNullException.ThrowIfNull(nameComparer);
        _values = new Dictionary<string, List<string>>(nameComparer);
    }

    /// <summary>A collection for header names, which HTTP compares case-insensitively.</summary>
    public static HttpValueCollection ForHeaders() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A collection for query parameter names, which are compared exactly.</summary>
    public static HttpValueCollection ForQuery() => new(StringComparer.Ordinal);

    /// <summary>Number of distinct names.</summary>
    public int Count => _order.Count;

    /// <summary>Distinct names in first-seen order, spelled as first seen.</summary>
    public IReadOnlyList<string> Names => _order;

    /// <summary>The first value of <paramref name="name"/>, or null when absent.</summary>
    public string? this[string name] => _values.TryGetValue(name, out var list) && list.Count > 0 ? list[0] : null;

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>Every value of <paramref name="name"/> in arrival order; empty when absent.</summary>
    public IReadOnlyList<string> GetValues(string name) =>
        _values.TryGetValue(name, out var list) ? list : [];

    public bool TryGetValue(string name, out string value)
    {
        if (_values.TryGetValue(name, out var list) && list.Count > 0)
        {
            value = list[0];
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Appends a value, keeping earlier values of the same name.</summary>
    public void Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!_values.TryGetValue(name, out var list))
        {
            list = [];
            _values.Add(name, list);
            _order.Add(name);
        }

        list.Add(value);
    }

    /// <summary>Replaces every value of <paramref name="name"/> with one value.</summary>
    public void Set(string name, string value)
    {
        Remove(name);
        Add(name, value);
    }

    public bool Remove(string name)
    {
        if (!_values.TryGetValue(name, out _))
        {
            return false;
        }

        _values.Remove(name);
        var comparer = (StringComparer)_values.Comparer;
        _order.RemoveAll(existing => comparer.Equals(existing, name));
        return true;
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
    {
        foreach (var name in _order)
        {
            yield return new KeyValuePair<string, IReadOnlyList<string>>(name, _values[name]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
