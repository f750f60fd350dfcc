using Bascule.Reliability.Tests;
using Bascule.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(Tally))]
