using System.Globalization;
using System.Data.Common;

namespace SecondOpinionBot.Operations.Funnel;

/// <summary>
/// <c>dotnet run --project src/SecondOpinionBot -- report funnel [--days 30]</c>: the funnel as text, read from the
/// bot's database (Storage:SqlitePath, from the same settings the bot uses) opened read-only, so it is safe next to a
/// running bot and never creates or changes the file.
/// </summary>
public static class FunnelReportCommand
{
    public const string Usage = "Usage: report funnel [--days N] (N from 1 to 400, default 30). Settings as for the bot, e.g. --Storage:SqlitePath path/to/secondopinion.db";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? clock = null)
    {
        if (args is not ["funnel", .. var rest])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var days = 30;
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--days")
            {
                if (i + 1 >= rest.Length || !int.TryParse(rest[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > FunnelEndpoint.MaxDays)
                {
                    await error.WriteLineAsync(Usage);
                    return 2;
                }

                i++;
            }
            else
            {
                settings.Add(rest[i]);
            }
        }

        // The bot's own configuration sources (appsettings, environment, user secrets, these arguments), not its services.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. settings] });
        var options = builder.Configuration.GetSection(OperationsOptions.Section).Get<OperationsOptions>() ?? new OperationsOptions();
        var postgres = builder.Configuration.GetValue<Storage.StorageProvider?>("Storage:Provider") == Storage.StorageProvider.PostgreSQL;
        var path = postgres
            ? "the PostgreSQL database"
            : Path.GetFullPath(builder.Configuration["Storage:SqlitePath"] ?? new Storage.StorageOptions().SqlitePath, builder.Environment.ContentRootPath);
        DbConnection connection;
        if (postgres)
        {
            if (builder.Configuration.GetConnectionString("Postgres") is not { Length: > 0 } connectionString)
            {
                await error.WriteLineAsync("Storage:Provider is PostgreSQL but ConnectionStrings:Postgres is empty.");
                return 1;
            }

            connection = new Npgsql.NpgsqlConnection(connectionString);
        }
        else if (!File.Exists(path))
        {
            await error.WriteLineAsync($"No database at {path}. Set Storage:SqlitePath to the bot's database file.");
            return 1;
        }
        else
        {
            connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        }

        await using var opened = connection;
        await connection.OpenAsync();
        try
        {
            var report = await FunnelReader.ReadAsync(connection, (clock ?? TimeProvider.System).GetUtcNow(), days, options, CancellationToken.None);
            await output.WriteAsync(FunnelText.Render(report));
            return 0;
        }
        catch (DbException ex) when (ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 1 } or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable })
        {
            // A table is missing, i.e. the file is not (yet) a database of this version of the bot.
            await error.WriteLineAsync($"{path} has no journey statistics yet (start this version of the bot once): {ex.Message}");
            return 1;
        }
    }
}
