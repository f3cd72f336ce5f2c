using System.Buffers;
using System.Runtime.CompilerServices;

namespace Fanout.Records;

/// <summary>
/// A growable list over arrays rented from <see cref="ArrayPool{T}.Shared"/>: per-invocation lists of 10,000 records
/// would otherwise put a fresh array (and each doubling of it) on the large object heap on every invocation, which
/// costs zeroed pages and gen2 collections. A mutable struct: keep it in a local and pass it by <c>ref</c>; call
/// <see cref="Return"/> once, after which <see cref="Items"/> must not be read.
/// </summary>
internal struct PooledArrayList<T>
{
    private T[] _items;
    private int _count;

    public PooledArrayList(int capacity) => _items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));

    public readonly ReadOnlySpan<T> Items => _items.AsSpan(0, _count);

    public void Add(in T item)
    {
        if (_count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, _count).CopyTo(larger);
            Give(_items, _count);
            _items = larger;
        }

        _items[_count++] = item;
    }

    /// <summary>The items as a segment of the rented array, for a caller that hands them on and later gives them to <see cref="Return(ArraySegment{T})"/>.</summary>
    public readonly ArraySegment<T> AsSegment() => new(_items, 0, _count);

    /// <summary>Returns a segment's array that <see cref="AsSegment"/> gave out; the segment must not be read after.</summary>
    public static void Return(ArraySegment<T> segment) => Give(segment.Array ?? [], segment.Count);

    public void Return()
    {
        Give(_items, _count);
        _items = [];
        _count = 0;
    }

    private static void Give(T[] items, int used)
    {
        if (items.Length == 0)
        {
            return;
        }

        // Only the used part can hold references: clearing it (not the whole array) lets them be collected.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(items, 0, used);
        }

        ArrayPool<T>.Shared.Return(items);
    }
}
