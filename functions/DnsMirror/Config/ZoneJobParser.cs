using DnsMirror.Diff;
using DnsMirror.Transfer;
using DnsMirror.Tsig;
using DnsMirror.Zone;

namespace DnsMirror.Config;

/// <summary>Turns a <see cref="ZoneSyncRequest"/> into a <see cref="ZoneJob"/>, or says exactly what is wrong.</summary>
internal static class ZoneJobParser
{
    /// <summary>
    /// The only environment variables <c>Tsig.SecretEnv</c> may name. The zone's settings come from the event or
    /// the zones table, and the key signs requests sent to a master those same settings name: without a fixed
    /// prefix, settings could key HMACs with the function's own credentials (<c>AWS_SECRET_ACCESS_KEY</c>) and
    /// hand them to a server of their choosing.
    /// </summary>
    public const string SecretEnvPrefix = DnsMirrorSettings.Variables.TsigSecretPrefix;

    /// <summary>
    /// As <see cref="Parse(ZoneSyncRequest, DnsMirrorSettings, Func{string, string?}, IReadOnlyDictionary{string, string}?)"/>,
    /// with TSIG secrets named by ARN fetched from <paramref name="secrets"/> first (none named: no call is made).
    /// </summary>
    public static async Task<ZoneJob> ParseAsync(ZoneSyncRequest request, DnsMirrorSettings settings, Func<string, string?> environment, TsigSecretStore? secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var domain = (request.Domain ?? "").Trim();
        CheckSecretEnv(request.Tsig, domain);
        CheckSecretEnv(request.Target?.Tsig, domain);
        var fetched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in new[] { request.Tsig, request.Target?.Tsig })
        {
            if (reference is { SecretArn: { } arn } && !string.IsNullOrWhiteSpace(arn) && secrets is not null && !string.IsNullOrWhiteSpace(reference.KeyName))
            {
                fetched[arn.Trim()] = await secrets.GetBase64Async(arn, domain, cancellationToken).ConfigureAwait(false);
            }
        }

        return Parse(request, settings, environment, fetched);
    }

    /// <summary>Validates the request; <paramref name="secretsByArn"/> holds the TSIG secrets already fetched for any <c>SecretArn</c>.</summary>
    public static ZoneJob Parse(ZoneSyncRequest request, DnsMirrorSettings settings, Func<string, string?> environment, IReadOnlyDictionary<string, string>? secretsByArn = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(request.Domain))
        {
            throw new ZoneConfigException("Domain is missing.");
        }

        var zone = request.Domain.Trim().ToLowerInvariant();
        zone = zone.EndsWith('.') ? zone : zone + ".";
        var masters = request.Masters is { Count: > 0 } given
            ? given.Select(m => ParseMaster(m, zone)).ToList()
            : DnsMaster.ParseList(settings.DefaultMasters).ToList();
        var kind = (request.Target?.Kind ?? "route53").Trim().ToLowerInvariant() switch
        {
            "route53" or "route 53" => TargetKind.Route53,
            "rfc2136" => TargetKind.Rfc2136,
            var other => throw new ZoneConfigException($"{zone}: Target.Kind '{other}' is not route53 or rfc2136."),
        };
        if (kind == TargetKind.Route53 && string.IsNullOrWhiteSpace(request.ZoneId))
        {
            throw new ZoneConfigException($"{zone}: ZoneId is missing (the Route 53 hosted zone to mirror into).");
        }

        if (kind == TargetKind.Rfc2136 && string.IsNullOrWhiteSpace(request.Target?.Server))
        {
            throw new ZoneConfigException($"{zone}: Target.Server is missing (host[:port] of the RFC 2136 server).");
        }

        var maxDelete = request.MaxDeletePercent ?? settings.MaxDeletePercent;
        if (maxDelete is < 0 or > 100)
        {
            throw new ZoneConfigException($"{zone}: MaxDeletePercent {maxDelete} is not between 0 and 100.");
        }

        var remap = ParseMirrorAs(request.MirrorAs, zone);
        var audit = ParseAudit(request, zone);
        return new ZoneJob
        {
            Zone = zone,
            Masters = masters,
            MasterKey = ResolveKey(request.Tsig, zone, environment, secretsByArn),
            Target = kind,
            HostedZoneId = kind == TargetKind.Route53 ? request.ZoneId!.Trim() : null,
            Rfc2136Server = kind == TargetKind.Rfc2136 ? ParseMaster(request.Target!.Server!, zone) : null,
            Rfc2136Key = kind == TargetKind.Rfc2136 ? ResolveKey(request.Target!.Tsig, zone, environment, secretsByArn) : null,
            Options = new MirrorOptions
            {
                Diff = new DiffOptions { IgnoreTtl = request.IgnoreTTL },
                Plan = new PlanOptions { MaxDeletePercent = maxDelete, Force = request.Force },
                DryRun = request.DryRun,
                Remap = remap,
            },
            Audit = audit,
        };
    }

    /// <summary>Null when the zone is mirrored under its own name; otherwise B validated against the zone A.</summary>
    private static OriginRemapper? ParseMirrorAs(string? mirrorAs, string zone)
    {
        if (mirrorAs is null)
        {
            return null;
        }

        return OriginRemapper.TryCreate(zone, mirrorAs, out var error) ?? throw new ZoneConfigException($"{zone}: {error}");
    }

    private static bool ParseAudit(ZoneSyncRequest request, string zone) =>
        (request.Mode?.Trim().ToLowerInvariant()) switch
        {
            null or "" => request.Audit,
            "audit" => true,
            "sync" when !request.Audit => false,
            "sync" => throw new ZoneConfigException($"{zone}: Mode 'sync' and Audit true contradict each other; give one of them."),
            var other => throw new ZoneConfigException($"{zone}: Mode '{other}' is not sync or audit."),
        };

    /// <summary>The key a reference names; null when there is none. The secret comes from an environment variable or, fetched beforehand, Secrets Manager.</summary>
    public static TsigKey? ResolveKey(TsigReference? reference, string zone, Func<string, string?> environment, IReadOnlyDictionary<string, string>? secretsByArn = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (reference is null)
        {
            return null;
        }

        CheckSecretEnv(reference, zone);
        if (string.IsNullOrWhiteSpace(reference.KeyName))
        {
            throw new ZoneConfigException($"{zone}: Tsig.KeyName is missing.");
        }

        var algorithm = string.IsNullOrWhiteSpace(reference.Algorithm) ? "hmac-sha256" : reference.Algorithm.Trim();
        string secret;
        if (!string.IsNullOrWhiteSpace(reference.SecretArn))
        {
            var arn = SecretArn.Parse(reference.SecretArn.Trim());
            if (secretsByArn is null || !secretsByArn.TryGetValue(reference.SecretArn.Trim(), out secret!))
            {
                throw new ZoneConfigException($"{zone}: Tsig.SecretArn ({arn.Name} in {arn.Region}) was not fetched: this caller has no Secrets Manager client. Use Tsig.SecretEnv, or run through DnsMirrorFunction.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(reference.SecretEnv))
        {
            secret = environment(reference.SecretEnv.Trim()) ?? throw new ZoneConfigException($"{zone}: environment variable {reference.SecretEnv} (Tsig.SecretEnv) is not set.");
        }
        else
        {
            throw new ZoneConfigException($"{zone}: Tsig needs SecretEnv (an environment variable holding the base64 secret) or SecretArn.");
        }

        try
        {
            return TsigKey.Parse($"{reference.KeyName.Trim()}:{algorithm}:{secret.Trim()}");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or TsigException)
        {
            throw new ZoneConfigException($"{zone}: TSIG key {reference.KeyName} is not usable: {e.Message}", e);
        }
    }

    /// <summary>Refuses a <c>SecretEnv</c> outside <see cref="SecretEnvPrefix"/>, even one SecretArn overrides, before any variable is read.</summary>
    private static void CheckSecretEnv(TsigReference? reference, string zone)
    {
        if (reference?.SecretEnv is not { } variable || string.IsNullOrWhiteSpace(variable))
        {
            return;
        }

        var name = variable.Trim();
        if (name.Length <= SecretEnvPrefix.Length || !name.StartsWith(SecretEnvPrefix, StringComparison.Ordinal))
        {
            throw new ZoneConfigException($"{zone}: Tsig.SecretEnv '{name}' is refused: only environment variables named {SecretEnvPrefix}<NAME> may hold a TSIG secret. Put the base64 secret in such a variable, or use Tsig.SecretArn.");
        }
    }

    private static DnsMaster ParseMaster(string text, string zone)
    {
        try
        {
            return DnsMaster.Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new ZoneConfigException($"{zone}: '{text}' is not host[:port]: {e.Message}", e);
        }
    }
}
