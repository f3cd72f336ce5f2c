namespace LambdaSuite.Data.Tables;

/// <summary>Every table the suite owns, in one place. Keys here are the single source of truth.</summary>
public static class TableCatalog
{
    /// <summary>SesFeedback: one item per normalised address.</summary>
    public static readonly TableDefinition Mailing = new("mailing", "MAILING_TABLE", PartitionKey: "UserId");

    /// <summary>IotRegistry: one item per device.</summary>
    public static readonly TableDefinition IotCatalog = new("iotCatalog", "IOT_CATALOG_TABLE", PartitionKey: "serialNumber", SortKey: "clientId");

    /// <summary>Fanout: one row per (source, target).</summary>
    public static readonly TableDefinition FanoutTargets = new("fanoutTargets", "FANOUT_TARGETS_TABLE", PartitionKey: "sourceArn", SortKey: "id");

    /// <summary>DnsMirror: zones to sync (optional) and per-zone state (last serial, outcome, counts).</summary>
    public static readonly TableDefinition DnsMirrorZones = new("dnsMirrorZones", "DNS_MIRROR_ZONES_TABLE", PartitionKey: "zone");

    /// <summary>ChatRelay: HipChat token allowlist, room → Slack channel mappings and sent-message claims (TTL'd), keyed by <c>pk</c>.</summary>
    public static readonly TableDefinition ChatRelay = new("chatRelay", "CHAT_RELAY_TABLE", PartitionKey: "pk", TimeToLiveAttribute: "expiresAt");

    public static IReadOnlyList<TableDefinition> All { get; } = [Mailing, IotCatalog, FanoutTargets, DnsMirrorZones, ChatRelay];
}
