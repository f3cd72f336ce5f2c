using System.Globalization;
using Amazon.DynamoDBv2.Model;
using A = LambdaSuite.Data.Fanout.FanoutAttributes;
using static LambdaSuite.Data.ItemAttributes;

namespace LambdaSuite.Data.Fanout;

/// <summary>
/// Maps <see cref="FanoutTarget"/> to and from a DynamoDB item. Reading never throws: a field of the wrong type or
/// value is an error on the row, and the row is then validated as a whole (<see cref="FanoutTargetValidator"/>).
/// Booleans and numbers are accepted as BOOL/N or as the strings the original's CLI wrote ("true", "10").
/// </summary>
public static class FanoutTargetMapper
{
    public static Dictionary<string, AttributeValue> ToItem(FanoutTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [A.SourceArn] = S(target.SourceArn),
            [A.Id] = S(target.Id),
            [A.Type] = S(FanoutTargetTypes.NameOf(target.Type)),
            [A.Destination] = S(target.Destination),
            [A.Active] = new AttributeValue { BOOL = target.Active },
            [A.Collapse] = S(CollapseName(target.Collapse)),
            [A.Parallel] = N(target.Parallel),
            [A.ConvertDdb] = new AttributeValue { BOOL = target.ConvertDdb },
            [A.Deaggregate] = new AttributeValue { BOOL = target.Deaggregate },
            [A.AppendNewlines] = new AttributeValue { BOOL = target.AppendNewlines },
        };
        PutIfPresent(item, A.Role, target.Role);
        PutIfPresent(item, A.ExternalId, target.ExternalId);
        PutIfPresent(item, A.Region, target.Region);
        PutIfPresent(item, A.DeadLetter, target.DeadLetter);
        PutIfPresent(item, A.FifoGroup, target.FifoGroup);
        PutIfPresent(item, A.Index, target.Index);
        PutIfPresent(item, A.Topic, target.Topic);
        PutIfPresent(item, A.KeyPrefix, target.KeyPrefix);
        PutIfPresent(item, A.Auth, target.Auth);
        if (target.Deduplication != DeduplicationStrategy.Sequence)
        {
            item[A.Deduplication] = S("content");
        }

        if (target.Qos != 0)
        {
            item[A.Qos] = N(target.Qos);
        }

        if (target.Ttl != 0)
        {
            item[A.Ttl] = N(target.Ttl);
        }

        if (target.Tls)
        {
            item[A.Tls] = new AttributeValue { BOOL = true };
        }

        return item;
    }

    public static FanoutTargetRow FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var errors = new List<string>();
        var sourceArn = Str(item, A.SourceArn) ?? "";
        var id = Str(item, A.Id) ?? "";
        var typeText = Str(item, A.Type);
        if (!FanoutTargetTypes.TryParse(typeText, out var type))
        {
            errors.Add($"type '{typeText}' is not one of {string.Join(", ", FanoutTargetTypes.All)}.");
        }

        // IoT's destination may be empty (the regional data endpoint); ToItem stores it as "", so "" reads back as itself.
        var destination = type == FanoutTargetType.Iot && item.TryGetValue(A.Destination, out var iotDestination) && iotDestination.S is not null
            ? iotDestination.S
            : Str(item, A.Destination);
        if (destination is null)
        {
            errors.Add("destination is missing.");
        }

        var collapseText = Str(item, A.Collapse);
        if (!TryParseCollapse(collapseText, out var collapse))
        {
            errors.Add($"collapse '{collapseText}' is not none, JSON, concat or concat-b64.");
        }

        var deduplicationText = Str(item, A.Deduplication);
        var deduplication = DeduplicationStrategy.Sequence;
        if (deduplicationText is not null && !TryParseDeduplication(deduplicationText, out deduplication))
        {
            errors.Add($"deduplication '{deduplicationText}' is not sequence or content.");
        }

        if (errors.Count > 0 || destination is null)
        {
            return new FanoutTargetRow(sourceArn, id, null, errors);
        }

        var target = new FanoutTarget
        {
            SourceArn = sourceArn,
            Id = id,
            Type = type,
            Destination = destination,
            Active = Bool(item, A.Active, errors),
            Role = Str(item, A.Role),
            ExternalId = Str(item, A.ExternalId),
            Region = Str(item, A.Region),
            Collapse = collapse,
            Parallel = Int(item, A.Parallel, 1, errors),
            ConvertDdb = Bool(item, A.ConvertDdb, errors),
            Deaggregate = Bool(item, A.Deaggregate, errors),
            AppendNewlines = Bool(item, A.AppendNewlines, errors),
            DeadLetter = Str(item, A.DeadLetter),
            FifoGroup = Str(item, A.FifoGroup),
            Deduplication = deduplication,
            Index = Str(item, A.Index),
            Topic = Str(item, A.Topic),
            Qos = Int(item, A.Qos, 0, errors),
            Ttl = Int(item, A.Ttl, 0, errors),
            KeyPrefix = Str(item, A.KeyPrefix),
            Tls = Bool(item, A.Tls, errors),
            Auth = Str(item, A.Auth),
        };
        errors.AddRange(FanoutTargetValidator.Validate(target));
        return new FanoutTargetRow(sourceArn, id, errors.Count == 0 ? target : null, errors);
    }

    public static string CollapseName(CollapseMode mode) => mode switch
    {
        CollapseMode.Json => "JSON",
        CollapseMode.Concat => "concat",
        CollapseMode.ConcatBase64 => "concat-b64",
        _ => "none",
    };

    public static bool TryParseCollapse(string? text, out CollapseMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "none": mode = CollapseMode.None; return true;
            case "json": mode = CollapseMode.Json; return true;
            case "concat": mode = CollapseMode.Concat; return true;
            case "concat-b64": mode = CollapseMode.ConcatBase64; return true;
            default: mode = CollapseMode.None; return false;
        }
    }

    public static bool TryParseDeduplication(string? text, out DeduplicationStrategy strategy)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "sequence": strategy = DeduplicationStrategy.Sequence; return true;
            case "content": strategy = DeduplicationStrategy.Content; return true;
            default: strategy = DeduplicationStrategy.Sequence; return false;
        }
    }

    private static string? Str(IReadOnlyDictionary<string, AttributeValue> item, string name) => NonEmptyString(item, name);

    private static bool Bool(IReadOnlyDictionary<string, AttributeValue> item, string name, List<string> errors)
    {
        if (!item.TryGetValue(name, out var value))
        {
            return false;
        }

        if (value.BOOL is { } flag)
        {
            return flag;
        }

        if (value.S is "true" or "false")
        {
            return value.S == "true";
        }

        errors.Add($"{name} is not a boolean.");
        return false;
    }

    private static int Int(IReadOnlyDictionary<string, AttributeValue> item, string name, int fallback, List<string> errors)
    {
        if (!item.TryGetValue(name, out var value))
        {
            return fallback;
        }

        var text = value.N ?? value.S;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add($"{name} is not a whole number.");
        return fallback;
    }
}
