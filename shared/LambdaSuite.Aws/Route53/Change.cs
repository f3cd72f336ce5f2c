namespace LambdaSuite.Aws.Route53;

public sealed record Change(string Action, ResourceRecordSet ResourceRecordSet);
