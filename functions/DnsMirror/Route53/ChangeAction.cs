namespace DnsMirror.Route53;

/// <summary>ChangeResourceRecordSets actions.</summary>
public enum ChangeAction
{
    Create,
    Delete,
    Upsert,
}
