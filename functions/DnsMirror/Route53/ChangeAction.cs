namespace DnsMirror.Route53;

/// <summary>ChangeResourceRecordSets actions.</summary>
internal enum ChangeAction
{
    Create,
    Delete,
    Upsert,
}
