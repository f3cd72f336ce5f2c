namespace LambdaSuite.Harness.Iot;

/// <summary>What one item of a rule's SELECT list stands for (the subset of AWS IoT SQL 2016-03-23 the template uses).</summary>
public enum SelectFunction
{
    /// <summary><c>*</c>: every member of the message's JSON payload.</summary>
    Star,

    /// <summary><c>clientid()</c>: the MQTT client id of the publisher.</summary>
    ClientId,

    /// <summary><c>principal()</c>: the publisher's certificate id (SHA-256 of its DER encoding, hex).</summary>
    Principal,

    /// <summary><c>topic()</c> or <c>topic(n)</c>: the whole topic, or its n-th segment counted from 1.</summary>
    Topic,

    /// <summary><c>timestamp()</c>: the rule engine's time, milliseconds since the Unix epoch.</summary>
    Timestamp,

    /// <summary>A string literal, <c>'activate'</c>.</summary>
    Literal,
}
