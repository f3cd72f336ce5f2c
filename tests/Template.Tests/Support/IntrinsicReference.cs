namespace Template.Tests.Support;

/// <summary>One name an intrinsic points at. <paramref name="Kind"/> is Ref, Fn::GetAtt, Fn::Sub, Condition or DependsOn.</summary>
public sealed record IntrinsicReference(string Kind, string Target, string? Attribute, string Path);
