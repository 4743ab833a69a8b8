using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// Data Protection's key ring in the bot's database, so every instance on the database shares one ring. The elements
/// arrive here already encrypted by <see cref="MasterKeyXmlEncryptor"/>: the database never holds a usable key.
/// </summary>
public sealed class SqliteXmlRepository(BotDatabase database) : IXmlRepository
{
    // Data Protection calls these synchronously, rarely (at start and when the ring rotates).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY " + database.InsertionOrder();
        var elements = new List<XElement>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml";
        command.Parameters.AddWithValue("@name", friendlyName);
        command.Parameters.AddWithValue("@xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
