using System.Globalization;
using System.Text;

namespace MinistryNews.Core;

/// <summary>Folds text for matching: no accents (đ becomes d), lower case, single spaces, no punctuation but hyphens.</summary>
public static class TextFolding
{
    private const int StackLimit = 256;

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Every word of every sentence is folded: plain ASCII needs no decomposition, and text that is already folded
        // ("met", "2024") is returned as it is, without a copy.
        var decomposed = Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormD);
        var buffer = decomposed.Length <= StackLimit ? stackalloc char[StackLimit] : new char[decomposed.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (c < 128 ? !FoldsAscii(c, ref pendingSpace) : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsLetterOrDigit(folded) || folded == '-')
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = folded;
            }
            else
            {
                pendingSpace = true;
            }
        }

        var result = buffer[..length];
        return result.SequenceEqual(text) ? text : new string(result);
    }

    /// <summary>Whether an ASCII character goes on to the general rule; punctuation and spaces only mark a space.</summary>
    private static bool FoldsAscii(char c, ref bool pendingSpace)
    {
        if (char.IsAsciiLetterOrDigit(c) || c == '-')
        {
            return true;
        }

        pendingSpace = true;
        return false;
    }
}
