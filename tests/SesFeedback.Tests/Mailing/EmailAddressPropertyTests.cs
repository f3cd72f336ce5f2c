using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SesFeedback.Mailing;

using LambdaSuite.TestKit.Mutation;

namespace SesFeedback.Tests.Mailing;

/// <summary>
/// Issue 19, item 3 as properties: whatever is wrapped around or mutated into an address, the key is either the
/// whole string or the real trailing addr-spec of a display-name &lt;addr-spec&gt;, never another address, and
/// reading never throws. The oracle below is deliberately a different reading (a regular expression) from the
/// scanner under test.
/// </summary>
public partial class EmailAddressPropertyTests
{
    private static readonly char[] Hostile =
        ['"', '(', ')', '<', '>', '\\', '@', ' ', '\t', '.', ',', ':', ';', '[', ']', 'a', 'Z', '0', '+', '\u212A', '\u0130', '\u00E9', '\u200B', '\u202E', '\uFEFF', (char)0xD800, '\n'];

    private static Gen<string> HostileText => Gen.Elements(Hostile).ListOf().Select(cs => string.Concat(cs));

    private static Gen<string> Atom => Gen.Elements("abcxyzABC019+-_".ToCharArray()).NonEmptyListOf().Select(cs => string.Concat(cs));

    private static Gen<string> RealAddress => Atom.SelectMany(local => Atom.Select(domain => $"{local}@{domain}.example"));

    private static Gen<string> ValidInput => RealAddress.SelectMany(address => Gen.Elements(
        address,
        $"Jane Doe <{address}>",
        $"\"Doe, Jane (JD)\" <{address}>",
        $"<{address}>",
        $"\"{address}\"@quoted.example"));

    [Property(MaxTest = 3000)]
    public Property TryNormalize_VictimInsideHostileText_UnwrapsOnlyARealTrailingNameAddr() =>
        Prop.ForAll(Arb.From(RealAddress.SelectMany(victim => HostileText.SelectMany(prefix => HostileText.Select(suffix => (victim, prefix, suffix))))), input =>
        {
            var (victim, prefix, suffix) = input;
            var ok = EmailAddress.TryNormalize(prefix + victim + suffix, out var key);

            var victimKey = victim.ToLowerInvariant();
            return !ok || key != victimKey || IsWholeString(prefix, suffix) || IsRealNameAddr(prefix, suffix);
        });

    [Property(MaxTest = 3000)]
    public Property TryNormalize_RandomMutationsOfValidInput_NeverThrowAndKeyIsWholeOrTrailingAddrSpec() =>
        Prop.ForAll(Arb.From(ValidInput.SelectMany(valid => Mutations.Select(m => TextMutator.Apply(valid, m)))), raw =>
        {
            var ok = EmailAddress.TryNormalize(raw, out var key, out var refusal);

            if (!ok)
            {
                return !string.IsNullOrWhiteSpace(refusal) && key.Length == 0;
            }

            var trimmed = raw.Trim(' ', '\t');
            var wellFormed = Encoding.UTF8.GetByteCount(key) <= EmailAddress.MaxLength && key.All(c => !char.IsControl(c) && !char.IsSurrogate(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format);
            var whole = key == LowerAscii(trimmed);
            var trailing = trimmed.EndsWith('>') && trimmed.EndsWith($"<{key}>", StringComparison.OrdinalIgnoreCase) && IsRealNameAddr(trimmed[..^(key.Length + 1)], ">");
            return wellFormed && (whole || trailing);
        });

    [Property(MaxTest = 1000)]
    public Property TryNormalize_AnyString_NeverThrows() =>
        Prop.ForAll(Arb.From(HostileText), raw =>
        {
            var ok = EmailAddress.TryNormalize(raw, out var key, out var refusal);

            return ok ? key.Length > 0 : !string.IsNullOrEmpty(refusal);
        });

    private static Gen<(int Position, int Action, char Char)[]> Mutations =>
        Gen.Choose(0, 1000).SelectMany(position => Gen.Choose(0, 2).SelectMany(action => Gen.Elements(Hostile).Select(c => (position, action, c)))).ListOf().Select(l => l.ToArray());

    private static bool IsWholeString(string prefix, string suffix) => prefix.Trim(' ', '\t').Length == 0 && suffix.Trim(' ', '\t').Length == 0;

    /// <summary>The oracle: prefix is "display-name &lt;" and suffix "&gt;" plus blanks, the display name being atoms and whole quoted strings.</summary>
    private static bool IsRealNameAddr(string prefix, string suffix)
    {
        if (!prefix.EndsWith('<') || suffix.TrimEnd(' ', '\t') != ">")
        {
            return false;
        }

        var outsideQuotes = QuotedString().Replace(prefix[..^1], "");
        return outsideQuotes.All(c => c is ' ' or '\t' or '.' || (c > 127 && !char.IsSurrogate(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format) || char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c, StringComparison.Ordinal));
    }

    private static string LowerAscii(string s) => string.Concat(s.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.Singleline)]
    private static partial Regex QuotedString();
}
