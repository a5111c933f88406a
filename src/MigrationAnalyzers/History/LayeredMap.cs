using System.Collections.Generic;

namespace MigrationAnalyzers.History;

/// <summary>
/// A map by name that is copied in time proportional to its recent changes, not to its size: a copy shares a base
/// that nobody changes any more and carries only the changes made since that base (<see cref="Clone"/>).
/// <see cref="SchemaHistory"/> keeps its tables here: every migration starts from a copy of the schema before it,
/// and a long history holds hundreds of tables, so copying every entry for each copy was the largest allocation of
/// the schema timeline.
/// </summary>
/// <remarks>
/// Reading is safe from several threads at once while nobody writes, as with <see cref="Dictionary{TKey, TValue}"/>;
/// copies may be taken at the same time (a checkpoint of the timeline is copied by every thread that asks for it).
/// </remarks>
internal sealed class LayeredMap<TValue>
    where TValue : class
{
    private readonly IEqualityComparer<string> _comparer;

    /// <summary>Shared with the maps it was copied from and to; never changed once a map holds it.</summary>
    private Dictionary<string, TValue> _base;

    /// <summary>This map's own changes on top of <see cref="_base"/>: a value, or null where an entry of the base is removed.</summary>
    private Dictionary<string, TValue?>? _changes;

    public LayeredMap(IEqualityComparer<string> comparer)
        : this(new Dictionary<string, TValue>(comparer), changes: null, comparer)
    {
    }

    private LayeredMap(Dictionary<string, TValue> @base, Dictionary<string, TValue?>? changes, IEqualityComparer<string> comparer)
    {
        _base = @base;
        _changes = changes;
        _comparer = comparer;
    }

    /// <summary>The number of own changes above which <see cref="Compact"/> folds them into a new base.</summary>
    public const int MaxChanges = 32;

    public bool TryGetValue(string key, out TValue value)
    {
        if (_changes is not null && _changes.TryGetValue(key, out var changed))
        {
            value = changed!;
            return changed is not null;
        }

        return _base.TryGetValue(key, out value!);
    }

    public void Set(string key, TValue value) => (_changes ??= new Dictionary<string, TValue?>(_comparer))[key] = value;

    public void Remove(string key)
    {
        if (_base.ContainsKey(key))
        {
            (_changes ??= new Dictionary<string, TValue?>(_comparer))[key] = null;
        }
        else
        {
            _changes?.Remove(key);
        }
    }

    /// <summary>The values: the base's in its order (changed ones in their place), then the ones only this map added.</summary>
    public IEnumerable<TValue> Values
    {
        get
        {
            foreach (var entry in _base)
            {
                if (_changes is not null && _changes.TryGetValue(entry.Key, out var changed))
                {
                    if (changed is not null)
                    {
                        yield return changed;
                    }
                }
                else
                {
                    yield return entry.Value;
                }
            }

            if (_changes is null)
            {
                yield break;
            }

            foreach (var entry in _changes)
            {
                if (entry.Value is not null && !_base.ContainsKey(entry.Key))
                {
                    yield return entry.Value;
                }
            }
        }
    }

    /// <summary>A copy that changes to either leave the other as it is: the base is shared, the own changes copied.</summary>
    public LayeredMap<TValue> Clone()
        => new LayeredMap<TValue>(_base, _changes is null || _changes.Count == 0 ? null : new Dictionary<string, TValue?>(_changes, _comparer), _comparer);

    /// <summary>
    /// Folds more than <see cref="MaxChanges"/> own changes into a new base, so that copies of this map stay cheap.
    /// Only for a map no other thread reads yet (a checkpoint before it is published).
    /// </summary>
    public void Compact()
    {
        if (_changes is null || _changes.Count <= MaxChanges)
        {
            return;
        }

        // In the order Values gives, so compacting changes no answer that depends on it.
        var merged = new Dictionary<string, TValue>(_base.Count + _changes.Count, _comparer);
        foreach (var entry in _base)
        {
            if (!_changes.TryGetValue(entry.Key, out var changed))
            {
                merged.Add(entry.Key, entry.Value);
            }
            else if (changed is not null)
            {
                merged.Add(entry.Key, changed);
            }
        }

        foreach (var entry in _changes)
        {
            if (entry.Value is not null && !_base.ContainsKey(entry.Key))
            {
                merged.Add(entry.Key, entry.Value);
            }
        }

        _base = merged;
        _changes = null;
    }
}
