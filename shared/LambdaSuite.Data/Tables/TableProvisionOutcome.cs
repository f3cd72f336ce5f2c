using System.Text.Json.Serialization;

namespace LambdaSuite.Data.Tables;

/// <summary>What <see cref="TableProvisioner"/> did to one table.</summary>
public enum TableProvisionOutcome
{
    /// <summary>The table did not exist and was created as the catalog says.</summary>
    [JsonStringEnumMemberName("created")]
    Created,

    /// <summary>The table existed and already matched the catalog.</summary>
    [JsonStringEnumMemberName("exists")]
    Exists,

    /// <summary>The table existed with the catalog's keys; its TTL or stream was switched on.</summary>
    [JsonStringEnumMemberName("updated")]
    Updated,

    /// <summary>The table exists but differs from the catalog in a way that cannot be fixed in place; left alone.</summary>
    [JsonStringEnumMemberName("mismatch")]
    Mismatch,
}
