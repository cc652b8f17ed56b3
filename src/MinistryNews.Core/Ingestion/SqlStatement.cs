using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace MinistryNews.Core.Ingestion;

/// <summary>
/// One SQL statement made once and run many times with new values: its parameters are <c>$1</c>, <c>$2</c>, … in the
/// order the values are given (named so for SQLite, positional for PostgreSQL, which reads <c>$n</c> itself). SQLite
/// compiles it on the first run and keeps it for the next ones.
/// </summary>
internal sealed partial class SqlStatement : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public SqlStatement(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _command = connection.CreateCommand();
#pragma warning disable CA2100 // The text is one of the writer's own constant statements; values go through parameters.
        _command.CommandText = sql;
#pragma warning restore CA2100
        var named = connection is SqliteConnection;
        var count = Placeholder().Matches(sql).Select(m => int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        _parameters = new DbParameter[count];
        for (var i = 0; i < count; i++)
        {
            var parameter = _command.CreateParameter();
            if (named)
            {
                parameter.ParameterName = $"${i + 1}";
            }

            _parameters[i] = parameter;
            _command.Parameters.Add(parameter);
        }
    }

    public int Execute(DbTransaction transaction, params ReadOnlySpan<object?> values)
    {
        Bind(transaction, values);
        return _command.ExecuteNonQuery();
    }

    public object? Scalar(DbTransaction transaction, params ReadOnlySpan<object?> values)
    {
        Bind(transaction, values);
        var value = _command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public DbDataReader Query(DbTransaction transaction, params ReadOnlySpan<object?> values)
    {
        Bind(transaction, values);
        return _command.ExecuteReader();
    }

    public void Dispose() => _command.Dispose();

    private void Bind(DbTransaction transaction, ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"The statement takes {_parameters.Length} values, not {values.Length}: {_command.CommandText}", nameof(values));
        }

        _command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    [GeneratedRegex(@"\$(\d+)", RegexOptions.None, 1_000)]
    private static partial Regex Placeholder();
}
