namespace LambdaSuite.Cli.Invoke;

/// <summary>Function names the CLI knows, mapped to their project folders and in-process factories.</summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, FunctionEntry> _entries;

    public FunctionCatalog(IEnumerable<FunctionEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
        Functions = [.. _entries.Values];
    }

    /// <summary>The shipped functions, with the factory each <c>Program.cs</c> hands to the runtime host.</summary>
    public static FunctionCatalog Default { get; } = new(
    [
        new FunctionEntry("SesFeedback", "functions/SesFeedback", SesFeedback.SesFeedbackEntry.Create),
        new FunctionEntry("IotRegistry", "functions/IotRegistry", IotRegistry.IotRegistryEntry.Create),
        new FunctionEntry("Fanout", "functions/Fanout", global::Fanout.FanoutEntry.Create),
        new FunctionEntry("DnsMirror", "functions/DnsMirror", global::DnsMirror.DnsMirrorEntry.Create),
        new FunctionEntry("ChatRelay", "functions/ChatRelay", global::ChatRelay.ChatRelayEntry.Create),
    ]);

    public IReadOnlyList<FunctionEntry> Functions { get; }

    public bool TryFind(string name, out FunctionEntry entry) => _entries.TryGetValue(name, out entry!);

    public FunctionEntry Find(string name) =>
        TryFind(name, out var entry)
            ? entry
            : throw new ArgumentException($"Unknown function '{name}'. Known: {string.Join(", ", _entries.Keys)}.", nameof(name));

    /// <summary>This catalog plus (or with a replaced) <paramref name="entry"/>, e.g. a test-only function.</summary>
    public FunctionCatalog With(FunctionEntry entry) =>
        new(_entries.Values.Where(e => !string.Equals(e.Name, entry.Name, StringComparison.OrdinalIgnoreCase)).Append(entry));
}
