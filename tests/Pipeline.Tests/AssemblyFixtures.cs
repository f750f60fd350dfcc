using Bascule.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresServer))]
