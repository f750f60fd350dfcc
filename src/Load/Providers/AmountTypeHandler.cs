using System.Data;
using Bascule.Extract.Values;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bascule.Load.Providers;

/// <summary>
/// Amount columns as each provider stores them: whole cents (INTEGER) on SQLite, exact decimals (NUMERIC(18,2)) on
/// PostgreSQL and SQL Server. Registered with Dapper, so a query's amount column (or sum of one) reads by name into an
/// <see cref="Amount"/> property, and an <see cref="Amount"/> parameter is written as its column stores it.
/// </summary>
internal sealed class AmountTypeHandler : SqlMapper.TypeHandler<Amount>
{
    // SQLite returns an integer column or its SUM as a long; the others a decimal of scale 2.
    public override Amount Parse(object value) => value switch
    {
        long cents => Amount.FromCents(cents),
        int cents => Amount.FromCents(cents),
        decimal euros => Amount.FromEuros(euros),
        _ => throw new DataException(
            $"An amount column returned a {value.GetType().Name}; amounts are stored as cents (SQLite) or decimals."),
    };

    public override void SetValue(IDbDataParameter parameter, Amount value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value.Cents;
        }
        else
        {
            parameter.DbType = DbType.Decimal;
            parameter.Value = value.Value;
        }
    }
}
