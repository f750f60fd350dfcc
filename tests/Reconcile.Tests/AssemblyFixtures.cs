using Bascule.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(SqlServerInstance))]
