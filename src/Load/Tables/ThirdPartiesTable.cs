using Bascule.Load.Rows;

namespace Bascule.Load.Tables;

/// <summary><c>third_parties</c>: third parties as read. Personal data: reports show it only where a check needs it.</summary>
public sealed class ThirdPartiesTable : StagingTable<ThirdPartyRow>
{
    public static readonly ThirdPartiesTable Instance = new();

    private ThirdPartiesTable()
    {
    }

    public override string Name => "third_parties";

    public override IReadOnlyList<StagingColumn> Columns { get; } =
    [
        Text("run_id"), Number("batch"), Text("source_file"), BigNumber("record"), BigNumber("line"), Text("code"), Text("name"), Text(
            "enterprise_number"),
        Text("iban"), Text("postal_code"), Text("locality"), Text("kind"),
    ];

    public override string FingerprintSql =>
        "SELECT source_file, record, line, code, name, enterprise_number, iban, postal_code, locality, kind " +
        "FROM third_parties WHERE run_id = @run AND source_file = @file ORDER BY record";

    protected override RowBuffer RowsIn(StagingBatch batch) => batch.ThirdParties;

    protected override void WriteValues(ThirdPartyRow row, IRowSink sink)
    {
        WriteLineage(sink, row.Lineage);
        sink.Text(row.Code);
        sink.Text(row.Name);
        sink.Text(row.EnterpriseNumber);
        sink.Text(row.Iban);
        sink.Text(row.PostalCode);
        sink.Text(row.Locality);
        sink.Text(row.Kind);
    }
}
