using System;
using System.Linq;
using MigrationAnalyzers.Databases;
using MigrationAnalyzers.Tests.Infrastructure;

namespace MigrationAnalyzers.Tests.Databases;

/// <summary>
/// Every fact of every <see cref="ProviderBehaviour"/> row is proven on the SQL the provider itself generates (SQL
/// Server 8.0.34, Npgsql 8.0.11, Pomelo 8.0.3 for MySQL 8.0, SQLite 8.0.34): one case per row and member, so a new row
/// or a new member without a proof fails here.
/// </summary>
public class ProviderBehaviourSqlTests
{
    public static TheoryData<DatabaseProvider, string> RowsAndFacts()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var row in ProviderFacts.KnownRows)
        {
            foreach (var fact in ProviderFacts.All)
            {
                data.Add(row.Database, fact.Member);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RowsAndFacts))]
    public void ProviderBehaviour_row_is_what_the_providers_SQL_and_the_database_do(DatabaseProvider database, string member)
    {
        var fact = ProviderFacts.All.Single(candidate => candidate.Member == member);
        var proof = ProviderProofs.For(database, member);
        Assert.True(proof is not null, $"ProviderBehaviour.{database}.{member} has no proof in ProviderProofs");
        Assert.Equal(proof!.Value, fact.Read(ProviderBehaviour.Of(database)));
    }

    [Fact]
    public void Every_member_of_ProviderBehaviour_is_a_proven_fact()
        => Assert.Equal(
            ProviderFacts.DeclaredMembers.OrderBy(name => name, StringComparer.Ordinal),
            ProviderFacts.All.Select(fact => fact.Member).OrderBy(name => name, StringComparer.Ordinal));

    [Fact]
    public void Every_row_is_reached_through_Of()
    {
        Assert.All(ProviderFacts.Rows, row => Assert.Same(row, ProviderBehaviour.Of(row.Database)));
        Assert.Equal(
            Enum.GetValues<DatabaseProvider>().Where(database => database != DatabaseProvider.Unknown).OrderBy(d => d),
            ProviderFacts.KnownRows.Select(row => row.Database).OrderBy(d => d));
    }

    /// <summary>With no known database, the table claims nothing: rules that depend on a fact stay silent.</summary>
    [Fact]
    public void Unknown_row_claims_nothing()
    {
        foreach (var fact in ProviderFacts.All)
        {
            var value = fact.Read(ProviderBehaviour.Unknown);
            Assert.True(
                value is null or false || (value is Enum && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0),
                $"ProviderBehaviour.Unknown.{fact.Member} is {value}");
        }
    }

    /// <summary>
    /// Loading the other providers here must not change what the analyzers infer in tests that compile migrations in
    /// memory (they run on SQLite): those compilations never reference the PostgreSQL, SQL Server or MySQL providers.
    /// </summary>
    [Fact]
    public void Providers_loaded_for_the_proofs_stay_out_of_compiled_migrations()
    {
        foreach (var row in ProviderFacts.KnownRows)
        {
            ProviderSql.Generate(row.Database, ProviderOperations.RenameWidgets());
        }

        var referenced = InMemoryCompiler.References().Select(reference => System.IO.Path.GetFileNameWithoutExtension(reference.Display)).ToList();
        Assert.Contains("Microsoft.EntityFrameworkCore.Sqlite", referenced);
        Assert.DoesNotContain(referenced, name => name!.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("Pomelo", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.EntityFrameworkCore.SqlServer", StringComparison.Ordinal));
    }

    /// <summary>The provider versions the facts hold from: older providers get the plain NOT NULL and fill nothing.</summary>
    [Theory]
    [InlineData(DatabaseProvider.SqlServer, "6.0.36", false)]
    [InlineData(DatabaseProvider.SqlServer, "7.0.0", true)]
    [InlineData(DatabaseProvider.PostgreSql, "6.0.6", false)]
    [InlineData(DatabaseProvider.PostgreSql, "6.0.7", true)]
    [InlineData(DatabaseProvider.PostgreSql, "7.0", true)]
    [InlineData(DatabaseProvider.Sqlite, "3.1.32", false)]
    [InlineData(DatabaseProvider.Sqlite, "5.0", true)]
    [InlineData(DatabaseProvider.MySql, "8.0.3", false)]
    public void Filling_nulls_depends_on_the_provider_version(DatabaseProvider database, string providerVersion, bool fills)
        => Assert.Equal(fills, ProviderBehaviour.Of(database).FillsNullsWhenMadeRequiredWithDefault(Version.Parse(providerVersion)));

    [Theory]
    [InlineData("11.22", false)]
    [InlineData("12.0", true)]
    [InlineData("15.4", true)]
    public void Timestamp_to_timestamptz_is_in_place_from_PostgreSQL_12(string serverVersion, bool inPlace)
    {
        Assert.Equal(inPlace, ProviderBehaviour.PostgreSql.TimestampToTimestampTzIsInPlace(Version.Parse(serverVersion)));
        Assert.False(ProviderBehaviour.SqlServer.TimestampToTimestampTzIsInPlace(Version.Parse(serverVersion)));
    }
}
