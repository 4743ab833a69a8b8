using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// Protects Data Protection's key ring with the master key (AES-256-GCM). Data Protection ships encryptors for
/// certificates, Windows DPAPI and key vaults only; a symmetric master key from configuration needs this small pair.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    internal const string ElementName = "masterKeyEncrypted";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var clear = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[clear.Length];
        using (var aes = new AesGcm(masterKey.Bytes, 16))
        {
            aes.Encrypt(nonce, clear, cipher, tag);
        }

        CryptographicOperations.ZeroMemory(clear);
        var element = new XElement(ElementName,
            new XAttribute("masterKeyId", masterKey.Id),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(cipher)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Data Protection creates this by type name with the host's services.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var masterKey = services.GetRequiredService<MasterKey>();
        var id = (string?)encryptedElement.Attribute("masterKeyId");
        if (!string.Equals(id, masterKey.Id, StringComparison.Ordinal))
        {
            throw new CryptographicException(
                $"The database's key ring was protected with another master key (id {id}); this instance has master key {masterKey.Id}. " +
                "Give every instance the same DataProtection:MasterKey.");
        }

        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var cipher = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var clear = new byte[cipher.Length];
        using (var aes = new AesGcm(masterKey.Bytes, 16))
        {
            aes.Decrypt(nonce, cipher, tag, clear);
        }

        return XElement.Parse(Encoding.UTF8.GetString(clear));
    }
}
