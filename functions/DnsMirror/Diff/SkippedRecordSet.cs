namespace DnsMirror.Diff;

/// <summary>A record set the sync left alone, and why (reported, never silently dropped).</summary>
internal sealed record SkippedRecordSet(string Name, string Type, string Reason);
