using System;
using System.Collections;
using System.Collections.Generic;

namespace MigrationAnalyzers.Operations;

/// <summary>
/// The arguments of one call by parameter name (or the annotations chained on it, by annotation name), in the order
/// they were read. A call has a handful: names compared in order cost less to build and to look up than a hashed
/// dictionary, and one of these is made for every call of every migration of the history.
/// </summary>
public sealed class OperationArguments : IReadOnlyDictionary<string, OperationArgument>
{
    public static readonly OperationArguments Empty = new OperationArguments(Array.Empty<string>(), Array.Empty<OperationArgument>(), 0);

    private readonly string[] _names;
    private readonly OperationArgument[] _values;
    private readonly int _count;

    private OperationArguments(string[] names, OperationArgument[] values, int count)
    {
        _names = names;
        _values = values;
        _count = count;
    }

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _names[i];
            }
        }
    }

    public IEnumerable<OperationArgument> Values
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _values[i];
            }
        }
    }

    public OperationArgument this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out OperationArgument value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null!;
        return index >= 0;
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    IEnumerator<KeyValuePair<string, OperationArgument>> IEnumerable<KeyValuePair<string, OperationArgument>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public struct Enumerator : IEnumerator<KeyValuePair<string, OperationArgument>>
    {
        private readonly OperationArguments _arguments;
        private int _index;

        internal Enumerator(OperationArguments arguments)
        {
            _arguments = arguments;
            _index = -1;
        }

        public readonly KeyValuePair<string, OperationArgument> Current
            => new KeyValuePair<string, OperationArgument>(_arguments._names[_index], _arguments._values[_index]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _arguments._count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }

    /// <summary>Collects arguments by name; the first one given a name keeps it.</summary>
    internal sealed class Builder
    {
        private string[] _names;
        private OperationArgument[] _values;
        private int _count;

        public Builder(int capacity)
        {
            _names = capacity == 0 ? Array.Empty<string>() : new string[capacity];
            _values = capacity == 0 ? Array.Empty<OperationArgument>() : new OperationArgument[capacity];
        }

        public bool ContainsKey(string name)
        {
            for (var i = 0; i < _count; i++)
            {
                if (string.Equals(_names[i], name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Adds the argument unless the name is taken; false when it was.</summary>
        public bool TryAdd(string name, OperationArgument value)
        {
            if (ContainsKey(name))
            {
                return false;
            }

            if (_count == _names.Length)
            {
                var capacity = Math.Max(4, _count * 2);
                Array.Resize(ref _names, capacity);
                Array.Resize(ref _values, capacity);
            }

            _names[_count] = name;
            _values[_count] = value;
            _count++;
            return true;
        }

        /// <summary>The arguments collected; the builder is not used after this.</summary>
        public OperationArguments ToArguments() => _count == 0 ? Empty : new OperationArguments(_names, _values, _count);
    }
}
