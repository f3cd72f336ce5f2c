using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChatRelay;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Cli.Chat;

/// <summary>
/// <c>suite chat tokens add|list|revoke</c> and <c>suite chat rooms map|list|unmap</c>: ChatRelay's allowlist of
/// HipChat tokens and its room → Slack channel mappings, in the table the function reads. A token is hashed before
/// it goes anywhere and is never printed: listings show the hash's first 12 hex digits and the label. Give the token
/// as <c>-</c> to read it from standard input (kept out of the shell's history and the process list).
/// Exit codes: 0 done, 1 not found, 2 bad input, 3 could not run (<see cref="CommandFailure"/>).
/// </summary>
public static class ChatCommands
{
    private const string DefaultMaxAttempts = "3";

    public static Command Create() => Create(Environment.GetEnvironmentVariable, Console.In);

    public static Command Create(Func<string, string?> processEnvironment, TextReader standardInput)
    {
        ArgumentNullException.ThrowIfNull(processEnvironment);
        ArgumentNullException.ThrowIfNull(standardInput);
        Func<string, string?> environment = name => name == "AWS_MAX_ATTEMPTS" ? processEnvironment(name) ?? DefaultMaxAttempts : processEnvironment(name);
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var verbose = CommandFailure.VerboseOption();

        var token = new Argument<string>("token") { Description = "The HipChat token, or - to read it from standard input." };
        var rooms = new Option<string>("--rooms") { Description = "The rooms (ids or names, comma-separated) the token may post to.", Required = true };
        var label = new Option<string?>("--label") { Description = "Who holds the token (shown in listings)." };
        var add = new Command("add", "Allow a HipChat token to post to rooms (stored as its SHA-256 only).") { token, rooms, label, json };
        add.SetAction((r, ct) => Run(r, verbose, environment, "tokens add", () => AddTokenAsync(environment, standardInput, r.GetValue(token)!, r.GetValue(rooms)!, r.GetValue(label), r.GetValue(json), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct)));
        var listTokens = new Command("list", "List the allowed tokens by hash prefix and label.") { json };
        listTokens.SetAction((r, ct) => Run(r, verbose, environment, "tokens list", () => ListTokensAsync(environment, r.GetValue(json), r.InvocationConfiguration.Output, ct)));
        var revoke = new Command("revoke", "Remove a token from the allowlist.") { token };
        revoke.SetAction((r, ct) => Run(r, verbose, environment, "tokens revoke", () => RevokeAsync(environment, standardInput, r.GetValue(token)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct)));
        var tokens = new Command("tokens", "The allowlist of HipChat tokens.") { add, listTokens, revoke };

        var room = new Argument<string>("room") { Description = "The HipChat room id or name, as callers put it in the URL (percent escapes are decoded)." };
        var channel = new Option<string>("--channel") { Description = "The Slack channel id (C0123456789).", Required = true };
        var allowMention = new Option<bool>("--allow-mention") { Description = "Let HipChat's notify become an @channel mention in this room." };
        var from = new Option<string?>("--from") { Description = "The sender label shown when a request gives none." };
        var map = new Command("map", "Map a HipChat room to a Slack channel (replacing any mapping it has).") { room, channel, allowMention, from, json };
        map.SetAction((r, ct) => Run(r, verbose, environment, "rooms map", () => MapAsync(environment, r.GetValue(room)!, r.GetValue(channel)!, r.GetValue(allowMention), r.GetValue(from), r.GetValue(json), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct)));
        var listRooms = new Command("list", "List the room mappings.") { json };
        listRooms.SetAction((r, ct) => Run(r, verbose, environment, "rooms list", () => ListRoomsAsync(environment, r.GetValue(json), r.InvocationConfiguration.Output, ct)));
        var unmap = new Command("unmap", "Remove a room's mapping.") { room };
        unmap.SetAction((r, ct) => Run(r, verbose, environment, "rooms unmap", () => UnmapAsync(environment, r.GetValue(room)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct)));
        var roomsCommand = new Command("rooms", "HipChat rooms mapped to Slack channels.") { map, listRooms, unmap };

        return new Command("chat", "ChatRelay's token allowlist and room mappings.") { verbose, tokens, roomsCommand };
    }

    private static Task<int> Run(ParseResult parse, Option<bool> verbose, Func<string, string?> environment, string command, Func<Task<int>> action) =>
        CommandFailure.GuardAsync(parse, parse.GetValue(verbose), $"chat {command}", environment, TableCatalog.ChatRelay, action);

    private static ChatRelayStore Store(Func<string, string?> environment) => ChatRelayEntry.CreateStore(environment);

    private static async Task<int> AddTokenAsync(Func<string, string?> environment, TextReader input, string given, string roomList, string? label, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var token = await ReadTokenAsync(given, input).ConfigureAwait(false);
        if (token is null)
        {
            await error.WriteLineAsync("The token must be 1 to 256 printable characters without spaces (give - to read it from standard input).").ConfigureAwait(false);
            return 2;
        }

        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var part in roomList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ChatRoomKey.TryNormalise(FromUrl(part), out var key))
            {
                await error.WriteLineAsync($"'{part}' is not a room: give ids or names of 1 to {ChatRoomKey.MaxLength} characters, comma-separated.").ConfigureAwait(false);
                return 2;
            }

            keys.Add(key);
        }

        if (keys.Count == 0)
        {
            await error.WriteLineAsync("--rooms names no room; give at least one id or name.").ConfigureAwait(false);
            return 2;
        }

        var stored = new ChatToken(ChatTokenHash.Of(token), keys, string.IsNullOrWhiteSpace(label) ? null : label.Trim(), DateTimeOffset.UtcNow);
        await Store(environment).PutTokenAsync(stored, ct).ConfigureAwait(false);
        await output.WriteLineAsync(asJson ? CliJson.Write(w => WriteToken(w, stored)) : "added " + Describe(stored)).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListTokensAsync(Func<string, string?> environment, bool asJson, TextWriter output, CancellationToken ct)
    {
        var tokens = (await Store(environment).ListTokensAsync(ct).ConfigureAwait(false)).OrderBy(t => t.Label, StringComparer.Ordinal).ThenBy(t => t.Hash, StringComparer.Ordinal).ToList();
        if (asJson)
        {
            await output.WriteLineAsync(CliJson.Write(w =>
            {
                w.WriteStartArray();
                tokens.ForEach(t => WriteToken(w, t));
                w.WriteEndArray();
            })).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(tokens.Count == 0 ? "no tokens" : string.Join(Environment.NewLine, tokens.Select(Describe))).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(Func<string, string?> environment, TextReader input, string given, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var token = await ReadTokenAsync(given, input).ConfigureAwait(false);
        if (token is null)
        {
            await error.WriteLineAsync("The token must be 1 to 256 printable characters without spaces (give - to read it from standard input).").ConfigureAwait(false);
            return 2;
        }

        var hash = ChatTokenHash.Of(token);
        if (!await Store(environment).DeleteTokenAsync(hash, ct).ConfigureAwait(false))
        {
            await error.WriteLineAsync($"no token with hash {ChatTokenHash.Prefix(hash)}… is on the allowlist").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"revoked token {ChatTokenHash.Prefix(hash)}…").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> MapAsync(Func<string, string?> environment, string room, string channel, bool allowMention, string? from, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!ChatRoomKey.TryNormalise(FromUrl(room), out var key))
        {
            await error.WriteLineAsync($"'{room}' is not a room: give an id or name of 1 to {ChatRoomKey.MaxLength} characters.").ConfigureAwait(false);
            return 2;
        }

        var id = channel.Trim();
        if (id.Length is 0 or > 80 || !id.All(char.IsAsciiLetterOrDigit))
        {
            await error.WriteLineAsync($"'{channel}' is not a Slack channel id: give the id (letters and digits, such as C0123456789), not the #name.").ConfigureAwait(false);
            return 2;
        }

        var mapped = new ChatRoom(key, id, allowMention, string.IsNullOrWhiteSpace(from) ? null : from.Trim());
        await Store(environment).PutRoomAsync(mapped, ct).ConfigureAwait(false);
        await output.WriteLineAsync(asJson ? CliJson.Write(w => WriteRoom(w, mapped)) : "mapped " + Describe(mapped)).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListRoomsAsync(Func<string, string?> environment, bool asJson, TextWriter output, CancellationToken ct)
    {
        var rooms = (await Store(environment).ListRoomsAsync(ct).ConfigureAwait(false)).OrderBy(r => r.Room, StringComparer.Ordinal).ToList();
        if (asJson)
        {
            await output.WriteLineAsync(CliJson.Write(w =>
            {
                w.WriteStartArray();
                rooms.ForEach(r => WriteRoom(w, r));
                w.WriteEndArray();
            })).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(rooms.Count == 0 ? "no rooms" : string.Join(Environment.NewLine, rooms.Select(Describe))).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> UnmapAsync(Func<string, string?> environment, string room, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!ChatRoomKey.TryNormalise(FromUrl(room), out var key) || !await Store(environment).DeleteRoomAsync(key, ct).ConfigureAwait(false))
        {
            await error.WriteLineAsync($"the room '{room}' is not mapped").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"unmapped {key}").ConfigureAwait(false);
        return 0;
    }

    /// <summary>A room as callers write it in the URL (<c>API%20Evangelist</c>): percent-decoded, as the function sees it.</summary>
    private static string FromUrl(string room) => room.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(room) : room;

    /// <summary>The token as given, or the first line of standard input for "-"; null when it is no usable token.</summary>
    private static async Task<string?> ReadTokenAsync(string given, TextReader input)
    {
        var token = given == "-" ? (await input.ReadLineAsync().ConfigureAwait(false))?.Trim() : given.Trim();
        return string.IsNullOrEmpty(token) || token.Length > 256 || token.Any(c => c is <= ' ' or >= '\u007f') ? null : token;
    }

    private static string Describe(ChatToken token) =>
        string.Create(CultureInfo.InvariantCulture, $"token {ChatTokenHash.Prefix(token.Hash)}…  {token.Label ?? "(no label)"}  rooms {string.Join(",", token.Rooms.Order(StringComparer.Ordinal))}  since {token.CreatedAt:yyyy-MM-dd}");

    private static string Describe(ChatRoom room) =>
        $"{room.Room} → {room.Channel}{(room.AllowMention ? "  mentions allowed" : string.Empty)}{(room.From is null ? string.Empty : "  from " + room.From)}";

    private static void WriteToken(Utf8JsonWriter writer, ChatToken token)
    {
        writer.WriteStartObject();
        writer.WriteString("hashPrefix", ChatTokenHash.Prefix(token.Hash));
        writer.WriteString("label", token.Label);
        writer.WriteStartArray("rooms");
        foreach (var room in token.Rooms.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(room);
        }

        writer.WriteEndArray();
        writer.WriteString("createdAt", token.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    private static void WriteRoom(Utf8JsonWriter writer, ChatRoom room)
    {
        writer.WriteStartObject();
        writer.WriteString("room", room.Room);
        writer.WriteString("channel", room.Channel);
        writer.WriteBoolean("allowMention", room.AllowMention);
        writer.WriteString("from", room.From);
        writer.WriteEndObject();
    }
}
