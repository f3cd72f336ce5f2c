namespace SesFeedback.Tests;

/// <summary>Every ordering of 0..n-1 (Heap's algorithm), for arrival-order tests.</summary>
internal static class Permutations
{
    public static IEnumerable<int[]> Of(int n)
    {
        var items = Enumerable.Range(0, n).ToArray();
        var counters = new int[n];
        yield return (int[])items.Clone();
        var i = 0;
        while (i < n)
        {
            if (counters[i] < i)
            {
                var j = i % 2 == 0 ? 0 : counters[i];
                (items[j], items[i]) = (items[i], items[j]);
                yield return (int[])items.Clone();
                counters[i]++;
                i = 0;
            }
            else
            {
                counters[i] = 0;
                i++;
            }
        }
    }
}
