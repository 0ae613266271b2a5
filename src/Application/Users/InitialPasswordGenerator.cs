using System.Security.Cryptography;

namespace EcomErp.Application.Users;

/// <summary>
/// Makes a random password that passes the admin password policy whatever it draws: the first administrator's, and the
/// one-time passwords an administrator hands to a new user or one whose password they reset.
/// </summary>
public static class InitialPasswordGenerator
{
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%*+-=?@_";
    private const int Length = 24;

    public static string Generate()
    {
        // One character of each class first so the policy always passes, the rest from all classes, then shuffled.
        var characters = new char[Length];
        characters[0] = Pick(Lower);
        characters[1] = Pick(Upper);
        characters[2] = Pick(Digits);
        characters[3] = Pick(Symbols);
        const string any = Lower + Upper + Digits + Symbols;
        for (var i = 4; i < Length; i++)
        {
            characters[i] = Pick(any);
        }

        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
