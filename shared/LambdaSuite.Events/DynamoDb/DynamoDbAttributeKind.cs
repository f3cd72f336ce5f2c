namespace LambdaSuite.Events.DynamoDb;

/// <summary>DynamoDB's attribute type descriptors (<c>S</c>, <c>N</c>, <c>B</c>, <c>SS</c>, ...).</summary>
public enum DynamoDbAttributeKind
{
    String,
    Number,
    Binary,
    StringSet,
    NumberSet,
    BinarySet,
    Map,
    List,
    Null,
    Bool,
}
