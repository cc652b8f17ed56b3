using System.Text;

namespace MinistryNews.Core.Tests;

/// <summary>The pieces hostile press releases are built of, for the tests of the extraction's and the ingestion's bounds.</summary>
internal static class HostileTexts
{
    /// <summary>A dateline and a sentence a reader understands, before whatever follows.</summary>
    public const string Dateline = "Hanoi, 5 May 2024\n\nMinister Nguyen Manh Hung met Japanese Minister Taro Kono in Hanoi on May 4.\n\n";

    private static readonly string[] Surnames = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"];

    /// <summary>An official of a name no other number gives, below 17,576 ("Minister Aaa Nguyen", "Minister Baa Tran" …).</summary>
    public static string Official(int i) =>
        $"Minister {(char)('A' + i % 26)}{(char)('a' + i / 26 % 26)}{(char)('a' + i / 676 % 26)} {Surnames[i % Surnames.Length]}";

    /// <summary>The unit repeated to exactly <paramref name="length"/> characters.</summary>
    public static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, length);
    }
}
