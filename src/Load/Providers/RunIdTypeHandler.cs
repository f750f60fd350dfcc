using System.Data;
using Bascule.Load.Runs;
using Dapper;

namespace Bascule.Load.Providers;

/// <summary>A run id column (text on every provider) read into a <see cref="RunId"/>, and a <see cref="RunId"/> parameter written as its
/// text.</summary>
internal sealed class RunIdTypeHandler : SqlMapper.TypeHandler<RunId>
{
    public override RunId Parse(object value)
        => RunId.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    public override void SetValue(IDbDataParameter parameter, RunId value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.DbType = DbType.String;
        parameter.Value = value.Value;
    }
}
