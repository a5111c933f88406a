using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Tests.Sql;

public class TimeoutSettingSqlTests
{
    [Theory]
    [InlineData("SET LOCAL lock_timeout = '5s';")]
    [InlineData("SET lock_timeout TO '2s'; SET statement_timeout = 0")]
    [InlineData("SET SESSION innodb_lock_wait_timeout = 5")]
    [InlineData("SET LOCK_TIMEOUT 5000")]
    [InlineData("SELECT set_config('lock_timeout', '5s', true)")]
    [InlineData("-- fail fast\nSET lock_timeout TO DEFAULT;")]
    public void Only_timeout_settings_count(string sql) => Assert.True(TimeoutSettingSql.IsOnlyTimeoutSettings(sql));

    [Theory]
    [InlineData("")]
    [InlineData("SET search_path = audit")]
    [InlineData("SET session_replication_role = replica")]
    [InlineData("SET LOCAL lock_timeout = '5s'; UPDATE \"Orders\" SET \"Status\" = 0")]
    [InlineData("SET lock_timeout = '5s', statement_timeout = 0")]
    [InlineData("SELECT set_config('search_path', 'audit', true)")]
    public void Anything_else_does_not(string sql) => Assert.False(TimeoutSettingSql.IsOnlyTimeoutSettings(sql));
}
