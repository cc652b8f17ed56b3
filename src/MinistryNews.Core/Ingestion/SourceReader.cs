using System.Security.Cryptography;
using System.Text;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Ingestion;

/// <summary>A file read from the data folder: its bytes' hash, and either its text or why it cannot be used.</summary>
public sealed record SourceFile(string Path, string FileName, string ContentHash, string? RawText, SourceDocument? Document, string? Error)
{
    public bool IsValid => Document is not null;
}

/// <summary>
/// Reads press-release files: plain text (UTF-8, with or without BOM, or UTF-16 with BOM) and saved HTML pages.
/// Anything that is not a usable text comes back with an error that names the problem.
/// </summary>
public static class SourceReader
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".html", ".htm" };

    public const long DefaultMaxFileBytes = 5 * 1024 * 1024;

    private static readonly IngestionOptions DefaultLimits = new();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsSupported(string path) => Extensions.Contains(System.IO.Path.GetExtension(path));

    /// <summary>
    /// Reads a file within the limits (<see cref="IngestionOptions"/>'s defaults when none are given). What is not a
    /// regular file (a FIFO, a socket, a device) is refused unopened, where the system tells (Linux).
    /// </summary>
    public static SourceFile Read(string path, IngestionOptions? limits = null)
    {
        limits ??= DefaultLimits;
        var fileName = System.IO.Path.GetFileName(path);

        // Only a regular file is opened: opening a FIFO waits for a writer, and a device or a socket is no document.
        if (FileStatus.Of(path) is { Kind: not FileKind.Regular } status)
        {
            return new SourceFile(path, fileName, string.Empty, null, null, $"file is {status.Describe()}, not a regular file");
        }

        var length = new FileInfo(path).Length;
        if (length > limits.MaxFileBytes)
        {
            return new SourceFile(path, fileName, string.Empty, null, null, $"file is {length:N0} bytes, over the limit of {limits.MaxFileBytes:N0} bytes");
        }

        var bytes = File.ReadAllBytes(path);
        return Read(fileName, bytes, path, limits);
    }

    public static SourceFile Read(string fileName, byte[] bytes, string? path = null, IngestionOptions? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        limits ??= DefaultLimits;
        path ??= fileName;
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        SourceFile Fail(string error, string? raw = null) => new(path, fileName, hash, raw, null, error);

        if (bytes.Length == 0)
        {
            return Fail("file is empty");
        }

        // NUL bytes mean binary content, unless the file is UTF-16 (which announces itself with a BOM).
        var isUtf16 = bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
        if (!isUtf16 && bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
        {
            return Fail("file has NUL bytes: it is binary, or UTF-16 without a byte-order mark");
        }

        if (!TryDecode(bytes, out var raw, out var decodeError))
        {
            return Fail(decodeError);
        }

        if (LooksBinary(raw))
        {
            return Fail("file is binary, not text");
        }

        var isHtml = IsHtml(fileName);
        if (isHtml && raw.Length > limits.MaxTextCharacters * 4L)
        {
            return Fail($"page is {raw.Length:N0} characters, over four times the text limit of {limits.MaxTextCharacters:N0}", raw);
        }

        if (isHtml && HtmlText.NestsDeeperThan(raw, HtmlText.MaxNesting))
        {
            return Fail($"page nests its elements more than {HtmlText.MaxNesting:N0} deep", raw);
        }

        var text = StoredText.Clean(isHtml ? HtmlText.ToPlainText(raw) : raw);
        if (text.Length > limits.MaxTextCharacters)
        {
            return Fail($"text is {text.Length:N0} characters, over the limit of {limits.MaxTextCharacters:N0}", raw);
        }

        if (string.IsNullOrWhiteSpace(text.Replace('\u00A0', ' ')))
        {
            return Fail("no text is left after cleaning", raw);
        }

        return new SourceFile(path, fileName, hash, raw, new SourceDocument(fileName, text), null);
    }

    /// <summary>
    /// A file as the archive stored it: the text read from it and the hash of its bytes. Reading an article again from
    /// the archive (to apply its corrections) reads this, as the file was when it was stored.
    /// </summary>
    public static SourceFile FromStored(string path, string rawText, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        var fileName = System.IO.Path.GetFileName(path);
        var text = StoredText.Clean(IsHtml(fileName) ? HtmlText.ToPlainText(rawText) : rawText);
        return new SourceFile(path, fileName, contentHash, rawText, new SourceDocument(fileName, text), null);
    }

    private static bool IsHtml(string fileName) => System.IO.Path.GetExtension(fileName) is var ext
        && (ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase));

    private static bool TryDecode(byte[] bytes, out string text, out string error)
    {
        error = string.Empty;
        text = string.Empty;
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            text = encoding.GetString(bytes, 2, bytes.Length - 2);
            return true;
        }

        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            error = ex.Index >= 0
                ? $"file is not valid UTF-8 (invalid byte at offset {start + ex.Index:N0})"
                : "file is not valid UTF-8";
            return false;
        }
    }

    /// <summary>Text has no NUL characters and few control characters; binary files are full of both.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                control++;
            }
        }

        return control > sample.Length / 20;
    }
}
