namespace DnsMirror.Config;

/// <summary>The two kinds of target a zone is mirrored into.</summary>
internal enum TargetKind
{
    Route53,
    Rfc2136,
}
