namespace DnsMirror.Sync;

/// <summary>One record set a drift audit set right: CREATE (missing in the target), UPSERT (changed there) or DELETE (added there).</summary>
internal sealed class RecordSetRepair
{
    public string Action { get; set; } = "";

    /// <summary>As Route 53 spells it (absolute, octal escapes).</summary>
    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public override string ToString() => $"{Action} {Name} {Type}";
}
