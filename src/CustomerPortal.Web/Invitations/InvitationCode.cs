using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CustomerPortal.Web.Invitations;

// 256 random bits, URL-safe. Only the SHA-256 is stored; a fast hash is enough because the code is
// random and long, not a password a person chose.
public static class InvitationCode
{
    public const int MaxLength = 100;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
