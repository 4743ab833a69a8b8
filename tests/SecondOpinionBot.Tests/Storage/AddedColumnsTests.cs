using Microsoft.Data.Sqlite;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>A database file made before a column existed gets the column at start and keeps its rows.</summary>
public sealed class AddedColumnsTests : IDisposable
{
    private readonly TestDatabase _db = new(new Version1(), new Version2());

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_missing_column_is_added_once_and_existing_rows_stay()
    {
        await using (var connection = await _db.Database.OpenAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO things (id, name, colour) VALUES (1, 'kept', 'blue')";
            await insert.ExecuteNonQueryAsync();
        }

        // A second start (a new SqliteDatabase on the same file) finds the column there and adds nothing.
        var again = new SqliteDatabase(
            Microsoft.Extensions.Options.Options.Create(new StorageOptions { SqlitePath = _db.Database.FilePath }),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetDirectoryName(_db.Database.FilePath)! },
            [new Version1(), new Version2()]);
        await using var reopened = await again.OpenAsync();
        await using var read = reopened.CreateCommand();
        read.CommandText = "SELECT name, colour FROM things";
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("kept", "blue"), (reader.GetString(0), reader.GetString(1)));
    }

    private sealed class Version1 : IDatabaseSchema
    {
        public string CreateStatements => "CREATE TABLE IF NOT EXISTS things (id INTEGER PRIMARY KEY, name TEXT NOT NULL);";
    }

    private sealed class Version2 : IDatabaseSchema
    {
        public string CreateStatements => "";

        public IReadOnlyList<AddedColumn> AddedColumns { get; } = [new("things", "colour", "TEXT")];
    }
}
