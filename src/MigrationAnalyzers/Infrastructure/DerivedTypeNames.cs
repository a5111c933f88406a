using System;
using System.Collections.Generic;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Reading;

namespace MigrationAnalyzers.Infrastructure;

/// <summary>
/// The simple names of every type that may derive from some named base types, read without binding: from the type
/// definition rows of the referenced assemblies (name and base type, no symbols) and from the base lists the source
/// writes, with every using alias of such a name. A rule that matches a family of types by base type (every
/// CodeAccessPermission, every CodeAccessSecurityAttribute) binds only a type written with one of these names. By name
/// only, so a name in the set may still be another type; a type written with a name outside it cannot derive from the bases.
/// </summary>
internal sealed class DerivedTypeNames
{
    private const string TreeMemo = "derived-type-names";

    private static readonly ConditionalWeakTable<ModuleMetadata, List<(string Type, string Base)>> PerModule = new ConditionalWeakTable<ModuleMetadata, List<(string Type, string Base)>>();

    /// <summary>By base name, the names of the types written or defined as deriving from it (or aliasing it).</summary>
    private readonly Dictionary<string, List<string>> _derived = new Dictionary<string, List<string>>(StringComparer.Ordinal);

    /// <summary>A reference whose types cannot be read: every name may then derive.</summary>
    private bool _unknown;

    private DerivedTypeNames()
    {
    }

    /// <summary>
    /// A value built from <see cref="Of"/>, kept under <paramref name="key"/> for every compilation of the same source;
    /// the files are read first in a pass the threads asking at the same time share.
    /// </summary>
    public static T Shared<T>(Compilation compilation, string key, Func<T> build)
        where T : class
        => Caching.SameContentCache.For(compilation).GetOrAddFromTrees(key, TreeMemo, ReadTree, build);

    /// <summary>What <paramref name="compilation"/> and everything it references declare, read once per tree and module.</summary>
    public static DerivedTypeNames Of(Compilation compilation)
    {
        var result = new DerivedTypeNames();
        result._unknown = !ReferencedModules.ReadAll(compilation, result.AddSource, module => result.Add(PerModule.GetValue(module, Read)));
        return result;
    }

    /// <summary>
    /// Whether a type written as a name (its rightmost simple name, or a using alias) may derive from one of
    /// <paramref name="baseNames"/> or be one: everything reachable from them by "derives from" or "is an alias of".
    /// The answer holds only strings, so it may outlive the compilation. The bases must not be the roots that
    /// <see cref="Read"/> leaves out.
    /// </summary>
    public Func<string, bool> DerivingFrom(params string[] baseNames)
    {
        if (_unknown)
        {
            return static _ => true;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(baseNames);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!names.Add(name) || !_derived.TryGetValue(name, out var types))
            {
                continue;
            }

            foreach (var type in types)
            {
                pending.Push(type);
            }
        }

        return names.Contains;
    }

    private void Add(List<(string Type, string Base)> pairs)
    {
        foreach (var (type, baseName) in pairs)
        {
            if (!_derived.TryGetValue(baseName, out var types))
            {
                _derived[baseName] = types = new List<string>(1);
            }

            types.Add(type);
        }
    }

    private void AddSource(Compilation compilation)
    {
        var shared = Caching.SameContentCache.For(compilation);
        foreach (var tree in compilation.SyntaxTrees)
        {
            Add(shared.PerTree(TreeMemo, tree, ReadTree));
        }
    }

    /// <summary>
    /// Each type declaration with every name of its base list (the base class is not told from an interface before
    /// binding, so both count), and each using alias with the type it names: once per tree, which the IDE's next
    /// compilation shares.
    /// </summary>
    private static List<(string Type, string Base)> ReadTree(SyntaxTree tree)
    {
        var pairs = new List<(string, string)>();
        FileTypeDeclarations.Walk(
            tree.GetRoot(),
            scope =>
            {
                foreach (var directive in FileTypeDeclarations.UsingsOf(scope))
                {
                    if (directive is { Alias.Name.Identifier.ValueText: var alias, Name: { } target } && WrittenNames.Rightmost(target) is { } named)
                    {
                        pairs.Add((alias, named));
                    }
                }
            },
            type =>
            {
                if (type is TypeDeclarationSyntax { BaseList.Types: var bases } declaration)
                {
                    foreach (var written in bases)
                    {
                        if (WrittenNames.Rightmost(written.Type) is { } baseName)
                        {
                            pairs.Add((declaration.Identifier.ValueText, baseName));
                        }
                    }
                }
            });

        return pairs;
    }

    /// <summary>
    /// Each type definition with its base type's name; a generic base (<c>Base&lt;T&gt;</c>) by its generic type's name.
    /// Types based directly on the roots (<c>Object</c>, <c>ValueType</c>, <c>Enum</c>, delegates), most of any
    /// assembly, are left out unread: no family asked for starts there.
    /// </summary>
    private static List<(string Type, string Base)> Read(ModuleMetadata module)
    {
        var pairs = new List<(string, string)>();
        var reader = module.GetMetadataReader();
        foreach (var handle in reader.TypeDefinitions)
        {
            var definition = reader.GetTypeDefinition(handle);
            if (!IsRoot(reader, definition.BaseType) && BaseName(reader, definition.BaseType) is { } baseName)
            {
                pairs.Add((WithoutArity(reader.GetString(definition.Name)), baseName));
            }
        }

        return pairs;
    }

    private static bool IsRoot(MetadataReader reader, EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return true;
        }

        if (handle.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
        return reader.StringComparer.Equals(reference.Namespace, "System")
               && (reader.StringComparer.Equals(reference.Name, "Object") || reader.StringComparer.Equals(reference.Name, "ValueType")
                   || reader.StringComparer.Equals(reference.Name, "Enum") || reader.StringComparer.Equals(reference.Name, "MulticastDelegate"));
    }

    private static string? BaseName(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                return WithoutArity(reader.GetString(reader.GetTypeReference((TypeReferenceHandle)handle).Name));
            case HandleKind.TypeDefinition:
                return WithoutArity(reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)handle).Name));
            case HandleKind.TypeSpecification:
                // GENERICINST (CLASS | VALUETYPE) TypeDefOrRef …: the generic type is named by the handle after the kind.
                var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                {
                    return null;
                }

                blob.ReadSignatureTypeCode();
                var generic = blob.ReadTypeHandle();
                return generic.Kind == HandleKind.TypeSpecification ? null : BaseName(reader, generic);
            default:
                return null;
        }
    }

    /// <summary><c>List`1</c> is written <c>List</c>.</summary>
    private static string WithoutArity(string metadataName)
    {
        var tick = metadataName.IndexOf('`');
        return tick < 0 ? metadataName : metadataName.Substring(0, tick);
    }
}
