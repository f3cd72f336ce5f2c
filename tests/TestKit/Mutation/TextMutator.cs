using System.Text;

namespace LambdaSuite.TestKit.Mutation;

/// <summary>
/// Damages valid text for property tests one character at a time: each step is (position, action, character) as a
/// generator draws them; action 0 inserts the character, 1 deletes the one at the position, 2 replaces it. Positions
/// wrap around the text's current length, so any drawn number is a valid step.
/// </summary>
public static class TextMutator
{
    public static string Apply(string valid, IEnumerable<(int Position, int Action, char Char)> steps)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(steps);
        var text = new StringBuilder(valid);
        foreach (var (position, action, c) in steps)
        {
            var at = position % (text.Length + 1);
            if (action == 0 || at == text.Length)
            {
                text.Insert(at, c);
            }
            else if (action == 1)
            {
                text.Remove(at, 1);
            }
            else
            {
                text[at] = c;
            }
        }

        return text.ToString();
    }
}
