using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.CodeFixes.ApiMigration;
using MigrationAnalyzers.Rules.ApiMigration;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Rules.ApiMigration;

/// <summary>
/// The sqlclient pack (MIG2401) on the real System.Data.SqlClient 4.9.1 and Microsoft.Data.SqlClient 5.1.9 packages,
/// and MIG2402 on literal connection strings given to either.
/// </summary>
public class SqlClientPackTests
{
    private const string OnlySqlClientPack = "is_global = true\nmigration_analyzers.builtin_packs = sqlclient\n";

    private static CodeFixTest<RulePackAnalyzer, RulePackCodeFix> Test(ReferenceAssemblies references, string source, string fixedSource)
    {
        var test = new CodeFixTest<RulePackAnalyzer, RulePackCodeFix> { ReferenceAssemblies = references };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlySqlClientPack));
        test.TestState.Sources.Add(("/0/OrderStore.cs", source));
        test.FixedState.Sources.Add(("/0/OrderStore.cs", fixedSource));
        return test;
    }

    private const string OldCode = """
        using System.Data;
        using {|#0:System.Data.SqlClient|};

        namespace Shop.Data
        {
            public sealed class OrderStore
            {
                private readonly string _connectionString;

                public OrderStore(string connectionString) => _connectionString = connectionString;

                public int CountFor(string customer)
                {
                    using var connection = new SqlConnection(_connectionString);
                    using var command = new SqlCommand("SELECT COUNT(*) FROM Orders WHERE Customer = @customer", connection);
                    command.Parameters.Add(new SqlParameter("@customer", SqlDbType.NVarChar, 100) { Value = customer });
                    connection.Open();
                    return (int)command.ExecuteScalar();
                }

                public void Import(DataTable rows)
                {
                    using var bulk = new {|#1:System.Data.SqlClient|}.SqlBulkCopy(_connectionString) { DestinationTableName = "Orders" };
                    bulk.WriteToServer(rows);
                }
            }
        }
        """;

    private static string NewCode => OldCode.Replace("{|#0:System.Data.SqlClient|}", "Microsoft.Data.SqlClient").Replace("{|#1:System.Data.SqlClient|}", "Microsoft.Data.SqlClient");

    private static DiagnosticResult Moved(int location) => new DiagnosticResult("MIG2401", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
        .WithLocation(location)
        .WithArguments("System.Data.SqlClient is deprecated; its types live on with the same names in Microsoft.Data.SqlClient. Replace the PackageReference System.Data.SqlClient with Microsoft.Data.SqlClient (5.x, 6.x or 7.x); the fix rewrites the namespace in usings and qualified names only. SqlConnection, SqlCommand, SqlParameter, SqlDataReader and SqlBulkCopy keep their names and members. From Microsoft.Data.SqlClient 4.0 Encrypt defaults to true (see MIG2402).");

    [Fact]
    public async Task With_both_packages_the_using_and_the_qualified_name_move_to_Microsoft_Data_SqlClient_and_compile()
    {
        var test = Test(TestReferences.BothSqlClients, OldCode, NewCode);
        test.TestState.ExpectedDiagnostics.Add(Moved(0));
        test.TestState.ExpectedDiagnostics.Add(Moved(1));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task With_only_System_Data_SqlClient_the_rule_reports_without_a_fix_and_says_why()
    {
        var test = Test(TestReferences.SystemDataSqlClient, OldCode, OldCode);
        var message = "System.Data.SqlClient is deprecated; its types live on with the same names in Microsoft.Data.SqlClient. Replace the PackageReference System.Data.SqlClient with Microsoft.Data.SqlClient (5.x, 6.x or 7.x); the fix rewrites the namespace in usings and qualified names only. SqlConnection, SqlCommand, SqlParameter, SqlDataReader and SqlBulkCopy keep their names and members. From Microsoft.Data.SqlClient 4.0 Encrypt defaults to true (see MIG2402). (no automatic fix: N:Microsoft.Data.SqlClient is not available in this compilation)";
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2401", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments(message));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("MIG2401", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1).WithArguments(message));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Code_already_on_Microsoft_Data_SqlClient_is_left_alone()
    {
        var test = new Infrastructure.AnalyzerTest<RulePackAnalyzer> { ReferenceAssemblies = TestReferences.BothSqlClients };
        test.TestState.AnalyzerConfigFiles.Add(("/.packs.globalconfig", OnlySqlClientPack));
        test.TestState.Sources.Add(("/0/OrderStore.cs", NewCode));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Literal_connection_strings_without_Encrypt_are_flagged_on_both_packages_and_explicit_ones_are_not()
    {
        foreach (var (references, ns) in new[] { (TestReferences.SystemDataSqlClient, "System.Data.SqlClient"), (TestReferences.MicrosoftDataSqlClient, "Microsoft.Data.SqlClient") })
        {
            var test = new Infrastructure.AnalyzerTest<SqlConnectionStringEncryptAnalyzer> { ReferenceAssemblies = references };
            test.TestState.Sources.Add(("/0/Connections.cs", $$"""
                using {{ns}};

                namespace Shop.Data
                {
                    public static class Connections
                    {
                        private const string Reporting = "Server=reports;Database=Shop;Integrated Security=true";

                        public static SqlConnection Orders() => new SqlConnection({|MIG2402:"Data Source=sql01;Initial Catalog=Shop;User ID=app;Password=secret"|});

                        public static SqlConnection Reports() => new SqlConnection({|MIG2402:Reporting|});

                        public static SqlConnection Audit() => new SqlConnection { ConnectionString = {|MIG2402:"Server=audit;Database=Audit;Integrated Security=true"|} };

                        public static SqlConnectionStringBuilder Builder() => new SqlConnectionStringBuilder({|MIG2402:"Server=sql01;Database=Shop"|});

                        // Target-typed: the type is the one the declaration writes, or the one the call expects.
                        private static readonly SqlConnection Shared = new({|MIG2402:"Server=shared;Database=Shop"|});

                        public static SqlConnection Open() => Use(new({|MIG2402:"Server=use;Database=Shop"|}));

                        private static SqlConnection Use(SqlConnection connection) => connection;

                        // Already explicit about encryption, or not a literal: nothing to say.
                        public static SqlConnection Encrypted() => new SqlConnection("Server=sql01;Database=Shop;Encrypt=True;TrustServerCertificate=False");

                        public static SqlConnection Plain() => new SqlConnection("Server=sql01;Database=Shop;encrypt = false");

                        public static SqlConnection FromConfig(string text) => new SqlConnection(text);
                    }
                }
                """));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
