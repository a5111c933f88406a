using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Infrastructure;
using MigrationAnalyzers.Operations;
using MigrationAnalyzers.Reading;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MigrationAnalyzers.CodeFixes.NewMigrations;

/// <summary>
/// Writes migrations that a fix adds after an existing one, in the existing one's image: same base class, same
/// [DbContext], same Up/Down signatures and doc comments, same indentation, line endings and namespace style.
/// Two shapes: appended to the original file (what Fix All and <c>dotnet format</c> can apply, since they do not
/// write added documents), or in a file of their own next to the original (for the IDE).
/// </summary>
internal static class NewMigrationWriter
{
    /// <summary>
    /// Applies <paramref name="edits"/> to the original migration (a null replacement removes the statement) and
    /// appends <paramref name="migrations"/> after the original class in the same file.
    /// </summary>
    public static async Task<Solution> InSameFileAsync(
        Document document,
        MigrationInfo original,
        IReadOnlyDictionary<StatementSyntax, StatementSyntax?> edits,
        IReadOnlyList<NewMigration> migrations,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<StatementSyntax, IReadOnlyList<StatementSyntax>>? following = null)
    {
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var main = original.MainDeclaration!;
        var layout = Layout.Of(root, main);
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        var classes = migrations.Select(migration => BuildClass(original, migration, model, layout, blankLineBefore: true, namespaces)).ToList();

        var edited = EditOriginal(root, main, edits, following, out var currentMain);
        if (currentMain.CloseBraceToken.TrailingTrivia.Any(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            edited = edited.InsertNodesAfter(currentMain, classes);
        }
        else
        {
            // The original class ends the file without a line break: it gets one, and the last new class ends the file instead.
            var closed = currentMain.WithCloseBraceToken(currentMain.CloseBraceToken.WithTrailingTrivia(currentMain.CloseBraceToken.TrailingTrivia.Add(layout.EndOfLine)));
            var last = classes[classes.Count - 1];
            classes[classes.Count - 1] = last.WithCloseBraceToken(last.CloseBraceToken.WithTrailingTrivia(currentMain.CloseBraceToken.TrailingTrivia));
            edited = edited.ReplaceNode(currentMain, new SyntaxNode[] { closed }.Concat(classes));
        }
        return document.WithSyntaxRoot(AddUsings(edited, namespaces, layout)).Project.Solution;
    }

    /// <summary>Applies <paramref name="edits"/> to the original migration and writes each new migration to a file of its own beside it.</summary>
    public static async Task<Solution> InNewFilesAsync(
        Document document,
        MigrationInfo original,
        IReadOnlyDictionary<StatementSyntax, StatementSyntax?> edits,
        IReadOnlyList<NewMigration> migrations,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<StatementSyntax, IReadOnlyList<StatementSyntax>>? following = null)
    {
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var main = original.MainDeclaration!;
        var layout = Layout.Of(root, main);

        var newFiles = new List<(string Name, CompilationUnitSyntax Root)>();
        foreach (var migration in migrations)
        {
            var namespaces = new SortedSet<string>(StringComparer.Ordinal);
            var newClass = BuildClass(original, migration, model, layout, blankLineBefore: false, namespaces);
            newFiles.Add((migration.Id.FileNameLike(document.Name, original), AddUsings(FileWithOnly(root, main, newClass), namespaces, layout)));
        }

        var solution = document.WithSyntaxRoot(EditOriginal(root, main, edits, following, out _)).Project.Solution;
        foreach (var (name, newRoot) in newFiles)
        {
            var filePath = document.FilePath is { } path ? SiblingPath(path, name) : null;
            solution = solution.AddDocument(DocumentId.CreateNewId(document.Project.Id), name, newRoot, document.Folders, filePath);
        }

        return solution;
    }

    /// <summary>A statement to put into a new migration's Up or Down, laid out like the statements of <paramref name="original"/>.</summary>
    public static StatementSyntax Statement(string code, MigrationInfo original)
    {
        var layout = Layout.Of((CompilationUnitSyntax)original.MainDeclaration!.SyntaxTree.GetRoot(), original.MainDeclaration);
        return ParseStatement(code).WithLeadingTrivia(layout.StatementIndentation).WithTrailingTrivia(layout.EndOfLine);
    }

    /// <summary>The indentation of a statement in Up of <paramref name="original"/>, for statements that span lines.</summary>
    public static string StatementIndentation(MigrationInfo original)
        => Layout.Of((CompilationUnitSyntax)original.MainDeclaration!.SyntaxTree.GetRoot(), original.MainDeclaration).StatementIndentation.ToFullString();

    /// <summary>The line break the file of <paramref name="original"/> uses.</summary>
    public static string LineBreak(MigrationInfo original)
        => Layout.Of((CompilationUnitSyntax)original.MainDeclaration!.SyntaxTree.GetRoot(), original.MainDeclaration).EndOfLine.ToFullString();

    /// <summary><paramref name="statement"/> with a <c>//</c> comment line above it, at the statement's indentation.</summary>
    public static StatementSyntax WithComment(StatementSyntax statement, string comment, MigrationInfo original)
        => statement.WithLeadingTrivia(statement.GetLeadingTrivia()
            .Add(SyntaxFactory.Comment("// " + comment))
            .Add(EndOfLine(LineBreak(original)))
            .AddRange(statement.GetLeadingTrivia()));

    /// <summary>
    /// Applies <paramref name="edits"/>; a replaced statement listed in <paramref name="following"/> gets those
    /// statements right after it (a fix that turns one operation into two).
    /// </summary>
    private static CompilationUnitSyntax EditOriginal(
        CompilationUnitSyntax root,
        ClassDeclarationSyntax main,
        IReadOnlyDictionary<StatementSyntax, StatementSyntax?> edits,
        IReadOnlyDictionary<StatementSyntax, IReadOnlyList<StatementSyntax>>? following,
        out ClassDeclarationSyntax currentMain)
    {
        var tracked = root.TrackNodes(edits.Keys.Cast<SyntaxNode>().Append(main));
        foreach (var edit in edits)
        {
            var current = tracked.GetCurrentNode(edit.Key)!;
            if (edit.Value is null)
            {
                tracked = tracked.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepDirectives)!;
            }
            else if (following is not null && following.TryGetValue(edit.Key, out var after))
            {
                tracked = tracked.ReplaceNode(current, new SyntaxNode[] { edit.Value }.Concat(after));
            }
            else
            {
                tracked = tracked.ReplaceNode(current, edit.Value);
            }
        }

        currentMain = tracked.GetCurrentNode(main)!;
        return tracked;
    }

    /// <summary>The original file with the original class replaced by <paramref name="newClass"/> and every other type removed.</summary>
    private static CompilationUnitSyntax FileWithOnly(CompilationUnitSyntax root, ClassDeclarationSyntax main, ClassDeclarationSyntax newClass)
    {
        var others = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .Where(node => node is MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax && node != main)
            .ToList();
        var tracked = root.TrackNodes(others.Append(main));
        tracked = tracked.ReplaceNode(tracked.GetCurrentNode(main)!, newClass.WithLeadingTrivia(main.GetLeadingTrivia()).WithTrailingTrivia(main.GetTrailingTrivia()));
        foreach (var other in others)
        {
            tracked = tracked.RemoveNode(tracked.GetCurrentNode(other)!, SyntaxRemoveOptions.KeepDirectives)!;
        }

        return tracked;
    }

    private static ClassDeclarationSyntax BuildClass(
        MigrationInfo original,
        NewMigration migration,
        SemanticModel model,
        Layout layout,
        bool blankLineBefore,
        SortedSet<string> namespaces)
    {
        var main = original.MainDeclaration!;
        var symbols = MigrationCatalog.For(model.Compilation).Symbols;
        var position = main.SpanStart;

        var attributes = new List<AttributeListSyntax>();
        if (original.Framework == MigrationFramework.EntityFrameworkCore)
        {
            if (original.DbContext is { } context && symbols.EfDbContextAttribute is { } dbContextAttribute)
            {
                attributes.Add(Attribute(AttributeName(dbContextAttribute, model, position, namespaces), "typeof(" + context.ToMinimalDisplayString(model, position) + ")"));
            }

            attributes.Add(Attribute(AttributeName(symbols.EfMigrationAttribute!, model, position, namespaces), Quote(migration.Id.EfId!)));
        }
        else
        {
            var version = migration.Id.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var behaviour = (original.RunsWithoutTransaction || migration.WithoutTransaction) && model.Compilation.GetTypeByMetadataName("FluentMigrator.TransactionBehavior") is { } transactionBehavior
                ? ", " + transactionBehavior.ToMinimalDisplayString(model, position) + ".None"
                : string.Empty;
            attributes.Add(Attribute(AttributeName(symbols.FmMigrationAttribute!, model, position, namespaces), version + behaviour));
        }

        // Blank line, indentation, the class's /// <inheritdoc /> if it has one; then one attribute per line.
        var leading = new List<SyntaxTrivia>();
        if (blankLineBefore)
        {
            leading.Add(layout.EndOfLine);
        }

        leading.AddRange(layout.ClassIndentation);
        foreach (var trivia in main.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && trivia.ToString().Contains("inheritdoc"))
            {
                leading.Add(trivia);
                leading.AddRange(layout.ClassIndentation);
            }
        }

        for (var index = 0; index < attributes.Count; index++)
        {
            attributes[index] = attributes[index]
                .WithLeadingTrivia(index == 0 ? TriviaList(leading) : layout.ClassIndentation)
                .WithTrailingTrivia(layout.EndOfLine);
        }

        var modifiers = TokenList(main.Modifiers
            .Where(modifier => !modifier.IsKind(SyntaxKind.PartialKeyword) && !modifier.IsKind(SyntaxKind.AbstractKeyword))
            .Select(modifier => modifier.WithLeadingTrivia(TriviaList()).WithTrailingTrivia(Space)));
        var keyword = main.Keyword;
        if (modifiers.Count > 0)
        {
            modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(layout.ClassIndentation));
            keyword = keyword.WithLeadingTrivia(TriviaList());
        }
        else
        {
            keyword = keyword.WithLeadingTrivia(layout.ClassIndentation);
        }

        var baseList = main.BaseList
            ?? BaseList(SingletonSeparatedList<BaseTypeSyntax>(SimpleBaseType(ParseTypeName(original.Symbol.BaseType!.ToMinimalDisplayString(model, position)))))
                .WithColonToken(Token(SyntaxKind.ColonToken).WithLeadingTrivia(Space).WithTrailingTrivia(Space))
                .WithTrailingTrivia(layout.EndOfLine);

        var members = new List<MemberDeclarationSyntax> { Method(original.Up.Declaration!, migration.Up, layout) };
        if (migration.Down is { } down)
        {
            var template = original.Down.Declaration is { Body: not null } declaredDown ? declaredDown : DownLike(original.Up.Declaration!, layout);
            members.Add(Method(template, down, layout, down.Count == 0 ? migration.DownComment : null));
        }

        if (original.Framework == MigrationFramework.EntityFrameworkCore && migration.TargetModel is { } own)
        {
            members.Add(OwnBuildTargetModel(original, own, layout, namespaces));
        }
        else if (original.Framework == MigrationFramework.EntityFrameworkCore && original.TargetModelDeclaration is not null
            && TargetModelProperty(original, migration, model, position, layout, namespaces) is { } targetModel)
        {
            members.Add(targetModel);
        }

        // Every class ends its line; the writer gives the last one the original's ending where the file ends without one.
        var closeBrace = main.CloseBraceToken.TrailingTrivia.Any(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            ? main.CloseBraceToken
            : main.CloseBraceToken.WithTrailingTrivia(main.CloseBraceToken.TrailingTrivia.Add(layout.EndOfLine));
        return main
            .WithCloseBraceToken(closeBrace)
            .WithAttributeLists(List(attributes))
            .WithModifiers(modifiers)
            .WithKeyword(keyword)
            .WithIdentifier(Identifier(migration.Id.ClassName).WithTrailingTrivia(main.Identifier.TrailingTrivia))
            .WithTypeParameterList(null)
            .WithBaseList(baseList)
            .WithConstraintClauses(default)
            .WithMembers(List(members));
    }

    /// <summary>
    /// EF Core builds InsertData/UpdateData/DeleteData (HasData seeds) against the migration's target model, which
    /// lives in the original's Designer file. The schema does not change between the two migrations, so the new one
    /// reuses the original's model instead of running without one.
    /// </summary>
    private static MemberDeclarationSyntax? TargetModelProperty(MigrationInfo original, NewMigration migration, SemanticModel model, int position, Layout layout, SortedSet<string> namespaces)
    {
        if (MigrationCatalog.For(model.Compilation).Symbols.EfMigration?.GetMembers("TargetModel").OfType<IPropertySymbol>().FirstOrDefault() is not { Type: INamedTypeSymbol type } property)
        {
            return null;
        }

        var typeName = TypeName(type, model, position, namespaces);
        if (property.Type.NullableAnnotation == NullableAnnotation.Annotated && model.GetNullableContext(position).AnnotationsEnabled())
        {
            typeName += "?";
        }

        var source = original.Name;
        var code = $"public override {typeName} TargetModel => new {source}().TargetModel;";
        var comment = $"// The schema is the same as after {source}: its model maps the tables this migration's data operations use.";
        var leading = TriviaList(layout.EndOfLine).AddRange(layout.MemberIndentation).Add(Comment(comment)).Add(layout.EndOfLine).AddRange(layout.MemberIndentation);
        return ParseMemberDeclaration(code)!.WithLeadingTrivia(leading).WithTrailingTrivia(layout.EndOfLine);
    }

    /// <summary>
    /// The new migration's own <c>BuildTargetModel</c> (a copy of the original's Designer method, rewritten), for a new
    /// migration after which the schema differs from the original's: EF Core builds SQLite's table rebuilds and data
    /// operations from the target model, on the way up from this one and on the way down from the next one.
    /// </summary>
    private static MemberDeclarationSyntax OwnBuildTargetModel(MigrationInfo original, OwnTargetModel own, Layout layout, SortedSet<string> namespaces)
    {
        // The model builder code of the Designer uses the Designer file's usings (ModelBuilder, its extension methods).
        var designerRoot = (CompilationUnitSyntax)original.TargetModelDeclaration!.SyntaxTree.GetRoot();
        foreach (var directive in designerRoot.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
        {
            if (directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is { } name)
            {
                namespaces.Add(name.ToString());
            }
        }

        var method = own.BuildTargetModel;
        var leading = TriviaList(layout.EndOfLine).AddRange(layout.MemberIndentation).Add(Comment("// " + own.Comment)).Add(layout.EndOfLine)
            .AddRange(layout.MemberIndentation).Add(Comment("/// <inheritdoc />")).Add(layout.EndOfLine).AddRange(layout.MemberIndentation);
        return method.WithModifiers(method.Modifiers.Replace(method.Modifiers[0], method.Modifiers[0].WithLeadingTrivia(leading)))
            .WithTrailingTrivia(layout.EndOfLine);
    }

    private static MethodDeclarationSyntax Method(MethodDeclarationSyntax template, IReadOnlyList<StatementSyntax> statements, Layout layout, string? emptyComment = null)
    {
        var body = template.Body ?? Block().WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(layout.MemberIndentation).WithTrailingTrivia(layout.EndOfLine))
            .WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(layout.MemberIndentation).WithTrailingTrivia(layout.EndOfLine));
        if (emptyComment is not null)
        {
            // The comment sits on its own line above the closing brace, at the indentation of a statement.
            body = body.WithCloseBraceToken(body.CloseBraceToken.WithLeadingTrivia(
                layout.StatementIndentation.Add(Comment("// " + emptyComment)).Add(layout.EndOfLine).AddRange(layout.MemberIndentation)));
        }
        var list = statements.ToList();
        if (list.Count > 0)
        {
            list[0] = list[0].WithLeadingTrivia(WithoutLeadingBlankLines(list[0].GetLeadingTrivia()));
        }

        var method = template.WithBody(body.WithStatements(List(list))).WithExpressionBody(null).WithSemicolonToken(default);
        if (template.Body is null)
        {
            method = method.WithParameterList(method.ParameterList.WithTrailingTrivia(layout.EndOfLine));
        }

        return method;
    }

    /// <summary>A Down with the shape of Up, for a new migration whose original has no block-bodied Down to copy.</summary>
    private static MethodDeclarationSyntax DownLike(MethodDeclarationSyntax up, Layout layout)
        => up.WithIdentifier(Identifier("Down")).WithLeadingTrivia(TriviaList(layout.EndOfLine).AddRange(up.GetLeadingTrivia()));

    private static SyntaxTriviaList WithoutLeadingBlankLines(SyntaxTriviaList trivia)
    {
        // Drop whole lines that hold only whitespace before the first comment or the statement itself.
        var lastBlankLineEnd = -1;
        for (var index = 0; index < trivia.Count; index++)
        {
            if (trivia[index].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lastBlankLineEnd = index;
            }
            else if (!trivia[index].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        return lastBlankLineEnd < 0 ? trivia : TriviaList(trivia.Skip(lastBlankLineEnd + 1));
    }

    private static AttributeListSyntax Attribute(string name, string arguments)
        => AttributeList(SingletonSeparatedList(SyntaxFactory.Attribute(ParseName(name), ParseAttributeArgumentList("(" + arguments + ")"))));

    private static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>The attribute's short name; its namespace is recorded for a using directive when it is not in scope.</summary>
    private static string AttributeName(INamedTypeSymbol attribute, SemanticModel model, int position, SortedSet<string> namespaces)
    {
        var name = TypeName(attribute, model, position, namespaces);
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    /// <summary>The type's simple name; its namespace is recorded for a using directive when it is not in scope.</summary>
    private static string TypeName(INamedTypeSymbol type, SemanticModel model, int position, SortedSet<string> namespaces)
    {
        var inScope = model.LookupNamespacesAndTypes(position, name: type.Name).Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, type));
        if (!inScope)
        {
            namespaces.Add(type.ContainingNamespace.ToDisplayString());
        }

        return type.Name;
    }

    /// <summary>Adds using directives where the file keeps them (top or inside the namespace), in the file's order.</summary>
    private static CompilationUnitSyntax AddUsings(CompilationUnitSyntax root, SortedSet<string> namespaces, Layout layout)
    {
        foreach (var name in namespaces)
        {
            var holder = root.Usings.Count == 0
                ? root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault(ns => ns.Usings.Count > 0)
                : null;
            var usings = holder?.Usings ?? root.Usings;
            var alreadyThere = root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>()
                .Any(existing => existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None) && existing.Name?.ToString() == name);
            if (alreadyThere)
            {
                continue;
            }

            var directive = UsingDirective(ParseName(name).WithLeadingTrivia(Space)).WithTrailingTrivia(layout.EndOfLine);
            if (usings.Count == 0)
            {
                root = root.WithUsings(List(new[] { directive }.Concat(root.Usings))).WithMembers(root.Members.Count > 0
                    ? root.Members.Replace(root.Members[0], root.Members[0].WithLeadingTrivia(TriviaList(layout.EndOfLine).AddRange(root.Members[0].GetLeadingTrivia())))
                    : root.Members);
                continue;
            }

            var index = 0;
            while (index < usings.Count && CompareUsings(usings[index].Name?.ToString() ?? string.Empty, name) < 0)
            {
                index++;
            }

            var reference = usings[Math.Min(index, usings.Count - 1)];
            directive = directive.WithLeadingTrivia(reference.GetLeadingTrivia().Where(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)));
            var updated = usings.Insert(index, directive);
            if (index == 0)
            {
                // The first using carries the file header and directives: keep them first.
                updated = updated.Replace(updated[0], updated[0].WithLeadingTrivia(usings[0].GetLeadingTrivia()));
                updated = updated.Replace(updated[1], updated[1].WithLeadingTrivia(directive.GetLeadingTrivia()));
            }

            root = holder is null
                ? root.WithUsings(updated)
                : root.ReplaceNode(holder, holder is NamespaceDeclarationSyntax block ? block.WithUsings(updated) : ((FileScopedNamespaceDeclarationSyntax)holder).WithUsings(updated));
        }

        return root;
    }

    /// <summary>System namespaces first, then ordinal: the order dotnet format and the IDE keep.</summary>
    private static int CompareUsings(string left, string right)
    {
        var leftSystem = left == "System" || left.StartsWith("System.", StringComparison.Ordinal);
        var rightSystem = right == "System" || right.StartsWith("System.", StringComparison.Ordinal);
        return leftSystem != rightSystem ? (leftSystem ? -1 : 1) : string.CompareOrdinal(left, right);
    }

    private static string SiblingPath(string path, string name)
    {
        var separator = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return separator < 0 ? name : path.Substring(0, separator + 1) + name;
    }

    /// <summary>Line ending and indentation taken from the original file.</summary>
    private sealed class Layout
    {
        private Layout(SyntaxTrivia endOfLine, SyntaxTriviaList classIndentation, SyntaxTriviaList memberIndentation, SyntaxTriviaList statementIndentation)
        {
            EndOfLine = endOfLine;
            ClassIndentation = classIndentation;
            MemberIndentation = memberIndentation;
            StatementIndentation = statementIndentation;
        }

        public SyntaxTrivia EndOfLine { get; }

        public SyntaxTriviaList ClassIndentation { get; }

        public SyntaxTriviaList MemberIndentation { get; }

        public SyntaxTriviaList StatementIndentation { get; }

        public static Layout Of(CompilationUnitSyntax root, ClassDeclarationSyntax main)
        {
            var source = root.GetText();
            var endOfLine = SourceLayout.EndOfLine(source.ToString()) == "\r\n" ? CarriageReturnLineFeed : LineFeed;
            var classIndent = SourceLayout.IndentationAt(source, main.GetFirstToken().SpanStart);
            var member = main.Members.FirstOrDefault();
            var memberIndent = member is null ? classIndent + "    " : SourceLayout.IndentationAt(source, member.GetFirstToken().SpanStart);
            var unit = memberIndent.Length > classIndent.Length ? memberIndent.Substring(classIndent.Length) : "    ";
            return new Layout(endOfLine, Whitespace(classIndent), Whitespace(memberIndent), Whitespace(memberIndent + unit));
        }

        private static SyntaxTriviaList Whitespace(string text) => text.Length == 0 ? TriviaList() : TriviaList(SyntaxFactory.Whitespace(text));
    }
}
