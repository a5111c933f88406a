using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Caching;
using MigrationAnalyzers.Infrastructure;
using MigrationAnalyzers.RulePacks;

namespace MigrationAnalyzers.Rules.ApiMigration;

/// <summary>
/// The names of methods, properties and fields whose [Obsolete] message names a replacement, somewhere the compilation
/// can see: MIG2002 binds only uses written with one of these names, a call only with a method's name and any other
/// reference only with a property's or field's (a common name such as <c>Create</c> or <c>Join</c> is often obsolete
/// as a method of some type, rarely as a property). Referenced assemblies are read from their metadata
/// tables (the custom attribute rows, no symbols), once per module and kept with the module, never with a compilation;
/// source members from their declarations, once per syntax tree. A name in the set may still belong to a member that is
/// not obsolete. [Obsolete] written through a using alias (<c>using Deprecated = System.ObsoleteAttribute;</c>, in the
/// file or <c>global</c> in another) counts too: the alias names of every file are gathered before the attributes are
/// matched, so a name that is an alias of ObsoleteAttribute somewhere counts everywhere (a candidate more, never one less).
/// </summary>
internal sealed class ObsoleteMemberNames
{
    private const string MentionedMemo = "obsolete-member-names|mentioned";

    private static readonly ConditionalWeakTable<ModuleMetadata, Names> PerModule = new ConditionalWeakTable<ModuleMetadata, Names>();

    /// <summary>
    /// Every module's names and the source's in one set of each kind: the check runs for every name written in the
    /// project, so one lookup rather than one per referenced module (a .NET reference pack has over a hundred).
    /// </summary>
    private readonly Names _names = new Names();

    /// <summary>A reference whose metadata cannot be read: every name is then a candidate, as before the name check.</summary>
    private bool _unknown;

    private ObsoleteMemberNames()
    {
    }

    /// <summary>
    /// The names for every compilation of the same source (the IDE's next compilations of the same trees share them),
    /// each file's declarations read in a pass the threads asking first share.
    /// </summary>
    public static ObsoleteMemberNames Shared(Compilation compilation)
        => Caching.SameContentCache.For(compilation).GetOrAddFromTrees(nameof(ObsoleteMemberNames), MentionedMemo, TreeDeclarations.ReadIfMentioned, () => For(compilation));

    public static ObsoleteMemberNames For(Compilation compilation)
    {
        var names = new ObsoleteMemberNames();
        names._unknown = !ReferencedModules.ReadAll(compilation, names.AddSource, names.AddModule);
        return names;
    }

    /// <summary>Could a method called as <paramref name="name"/> be obsolete?</summary>
    public bool MayBeObsoleteMethod(string name) => _unknown || _names.Methods.Contains(name);

    /// <summary>
    /// Could a property or field written as <paramref name="name"/> be obsolete? Indexers are <c>Item</c> in metadata
    /// and <c>this[]</c> in source.
    /// </summary>
    public bool MayBeObsoleteValue(string name) => _unknown || _names.Values.Contains(name);

    private void AddSource(Compilation compilation)
    {
        // Only a file that writes "Obsolete" can mark a member obsolete or alias the attribute, unless another file's
        // global alias names it otherwise: then the files skipped are read too. (An attribute name spelled with a Unicode escape
        // is not looked for.)
        var shared = Caching.SameContentCache.For(compilation);
        var trees = compilation.SyntaxTrees.Select(tree => shared.PerTree(MentionedMemo, tree, TreeDeclarations.ReadIfMentioned)).ToList();
        if (trees.Any(tree => tree.DeclaresGlobalAlias))
        {
            // Only the files skipped above are read now; the others were read in full already.
            trees = compilation.SyntaxTrees.Zip(trees, (tree, read) => read.WasSkipped ? shared.PerTree("obsolete-member-names|skipped", tree, TreeDeclarations.Read) : read).ToList();
        }

        var obsoleteNames = new HashSet<string>(StringComparer.Ordinal) { "Obsolete", "ObsoleteAttribute" };
        foreach (var tree in trees)
        {
            obsoleteNames.UnionWith(tree.ObsoleteAliases);
        }

        foreach (var tree in trees)
        {
            foreach (var (attribute, member, isMethod) in tree.MembersByAttribute)
            {
                if (obsoleteNames.Contains(attribute))
                {
                    (isMethod ? _names.Methods : _names.Values).Add(member);
                }
            }
        }
    }

    /// <summary>
    /// What one file declares, read from the declarations only (no method body is walked), once per tree: the IDE's next
    /// compilation shares the trees it did not change. Each member is kept with the name of every attribute whose
    /// message may name a replacement (a message that is not a literal counts), as the attribute is written: whether that
    /// name is ObsoleteAttribute can depend on another file's global alias.
    /// </summary>
    private sealed class TreeDeclarations
    {
        private static readonly TreeDeclarations None = new TreeDeclarations(new List<(string, string, bool)>(), new List<string>(), declaresGlobalAlias: false);

        private TreeDeclarations(List<(string Attribute, string Member, bool IsMethod)> membersByAttribute, List<string> obsoleteAliases, bool declaresGlobalAlias)
        {
            MembersByAttribute = membersByAttribute;
            ObsoleteAliases = obsoleteAliases;
            DeclaresGlobalAlias = declaresGlobalAlias;
        }

        public List<(string Attribute, string Member, bool IsMethod)> MembersByAttribute { get; }

        /// <summary>Aliases of ObsoleteAttribute the file declares, with and without the Attribute suffix.</summary>
        public List<string> ObsoleteAliases { get; }

        /// <summary>Some alias of ObsoleteAttribute the file declares is <c>global</c>: other files may use it without writing "Obsolete".</summary>
        public bool DeclaresGlobalAlias { get; }

        /// <summary>Skipped by <see cref="ReadIfMentioned"/>, not read.</summary>
        public bool WasSkipped => ReferenceEquals(this, None);

        /// <summary>
        /// <see cref="Read"/>, for a file whose text writes "Obsolete"; nothing for any other, unless another file's global
        /// alias is at work (the caller then reads the files skipped here). Most files of a project are skipped on a search of their text.
        /// </summary>
        public static TreeDeclarations ReadIfMentioned(SyntaxTree tree)
            => TextSearch.Contains(tree.GetText(), "Obsolete") ? Read(tree) : None;

        public static TreeDeclarations Read(SyntaxTree tree)
        {
            var members = new List<(string, string, bool)>();
            var aliases = new List<string>();
            var global = false;
            foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is UsingDirectiveSyntax { Alias.Name.Identifier.ValueText: var alias, Name: { } target }
                    && WrittenNames.Rightmost(target) is "Obsolete" or "ObsoleteAttribute")
                {
                    aliases.Add(alias);
                    global |= node is UsingDirectiveSyntax { GlobalKeyword.RawKind: not 0 };
                    if (alias.EndsWith("Attribute", StringComparison.Ordinal) && alias.Length > "Attribute".Length)
                    {
                        aliases.Add(alias.Substring(0, alias.Length - "Attribute".Length));
                    }

                    continue;
                }

                if (node is not MemberDeclarationSyntax { AttributeLists.Count: > 0 } member)
                {
                    continue;
                }

                var declared = member switch
                {
                    MethodDeclarationSyntax method => new[] { method.Identifier.ValueText },
                    PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
                    IndexerDeclarationSyntax => new[] { "this[]" },
                    FieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier.ValueText).ToArray(),
                    _ => Array.Empty<string>(),
                };
                foreach (var name in declared)
                {
                    foreach (var attribute in AttributesNamingReplacement(member.AttributeLists, name))
                    {
                        members.Add((attribute, name, member is MethodDeclarationSyntax));
                    }
                }
            }

            return new TreeDeclarations(members, aliases, global);
        }

        private static IEnumerable<string> AttributesNamingReplacement(SyntaxList<AttributeListSyntax> lists, string memberName)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (WrittenNames.Rightmost(attribute.Name) is { } written
                        && attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is { } message
                        && (message is not LiteralExpressionSyntax { Token.Value: string text } || ObsoleteReplacement.ReplacementNamed(text, memberName) is not null))
                    {
                        yield return written;
                    }
                }
            }
        }
    }

    private void AddModule(ModuleMetadata module)
    {
        var names = PerModule.GetValue(module, Read);
        _names.Methods.UnionWith(names.Methods);
        _names.Values.UnionWith(names.Values);
    }

    private static Names Read(ModuleMetadata module)
    {
        var names = new Names();
        var reader = module.GetMetadataReader();
        foreach (var handle in reader.CustomAttributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            var parent = attribute.Parent;
            if (parent.Kind is not (HandleKind.MethodDefinition or HandleKind.PropertyDefinition or HandleKind.FieldDefinition)
                || !IsObsoleteAttribute(reader, attribute.Constructor))
            {
                continue;
            }

            var name = reader.GetString(parent.Kind switch
            {
                HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)parent).Name,
                HandleKind.PropertyDefinition => reader.GetPropertyDefinition((PropertyDefinitionHandle)parent).Name,
                _ => reader.GetFieldDefinition((FieldDefinitionHandle)parent).Name,
            });

            // Most [Obsolete] messages name no replacement ("BinaryFormatter serialization is obsolete …"): those members
            // are never reported, so their names, many of them common ones, need not be bound.
            if (Message(reader, attribute) is { } message && ObsoleteReplacement.ReplacementNamed(message, name) is not null)
            {
                (parent.Kind == HandleKind.MethodDefinition ? names.Methods : names.Values).Add(name);
            }
        }

        return names;
    }

    /// <summary>
    /// The message of <c>[Obsolete("…")]</c> and <c>[Obsolete("…", error)]</c>: the value blob's first fixed argument,
    /// after the prolog. Null when there is none (<c>[Obsolete]</c> alone) or the blob cannot be read.
    /// </summary>
    private static string? Message(MetadataReader reader, CustomAttribute attribute)
    {
        try
        {
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.Length < 3 || blob.ReadUInt16() != 1 || !HasStringParameter(reader, attribute.Constructor))
            {
                return null;
            }

            return blob.ReadSerializedString();
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private static bool HasStringParameter(MetadataReader reader, EntityHandle constructor)
    {
        var signature = constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)constructor).Signature,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)constructor).Signature,
            _ => default(BlobHandle),
        };
        if (signature.IsNil)
        {
            return false;
        }

        // Method signature: calling convention, parameter count, return type (void), then the first parameter's type.
        var blob = reader.GetBlobReader(signature);
        blob.ReadSignatureHeader();
        return blob.ReadCompressedInteger() > 0 && blob.ReadSignatureTypeCode() == SignatureTypeCode.Void && blob.ReadSignatureTypeCode() == SignatureTypeCode.String;
    }

    private static bool IsObsoleteAttribute(MetadataReader reader, EntityHandle constructor)
    {
        var type = constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
            _ => default(EntityHandle),
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => IsSystemObsolete(reader, reader.GetTypeReference((TypeReferenceHandle)type).Name, reader.GetTypeReference((TypeReferenceHandle)type).Namespace),
            HandleKind.TypeDefinition => IsSystemObsolete(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type).Name, reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace),
            _ => false,
        };
    }

    private static bool IsSystemObsolete(MetadataReader reader, StringHandle name, StringHandle ns)
        => reader.StringComparer.Equals(name, "ObsoleteAttribute") && reader.StringComparer.Equals(ns, "System");

    /// <summary>Obsolete members' names by how a use is written: called, or referenced as a property, field or indexer.</summary>
    private sealed class Names
    {
        public HashSet<string> Methods { get; } = new HashSet<string>(StringComparer.Ordinal);

        public HashSet<string> Values { get; } = new HashSet<string>(StringComparer.Ordinal);
    }
}
