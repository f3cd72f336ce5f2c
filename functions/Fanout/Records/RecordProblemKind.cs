namespace Fanout.Records;

/// <summary>Why a record went to the dead-letter destination instead of its target.</summary>
internal enum RecordProblemKind
{
    /// <summary>Larger than the target takes in one entry.</summary>
    Oversized,

    /// <summary>A KPL aggregate that does not parse or whose MD5 does not match.</summary>
    Corrupt,

    /// <summary>The target rejected it for good (client error), or retries ran out of time.</summary>
    Undeliverable,

    /// <summary>
    /// The event record itself cannot be read: data that is not base64, a DynamoDB attribute with two types or an
    /// unknown one, a number that is not a number, an item nested deeper than DynamoDB allows.
    /// </summary>
    Undecodable,

    /// <summary>The target needs JSON (OpenSearch) and the record is not.</summary>
    NotJson,
}
