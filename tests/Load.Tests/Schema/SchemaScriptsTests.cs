using Bascule.Load.Schema;

namespace Bascule.Load.Tests.Schema;

public sealed class SchemaScriptsTests
{
    [Fact]
    public void Go_lines_split_T_SQL_batches()
    {
        var batches = SchemaScripts.SplitBatches("CREATE TABLE a (x INT);\nGO\nCREATE VIEW v AS SELECT x FROM a;\n  go  \n");
        Assert.Equal(["CREATE TABLE a (x INT);", "CREATE VIEW v AS SELECT x FROM a;"], batches);
    }

    [Fact]
    public void A_script_without_go_stays_whole()
    {
        Assert.Single(SchemaScripts.SplitBatches("CREATE TABLE a (x INT);\nCREATE TABLE b (good INT);"));
    }
}
