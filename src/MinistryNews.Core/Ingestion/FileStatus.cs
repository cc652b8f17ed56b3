using System.Runtime.InteropServices;

namespace MinistryNews.Core.Ingestion;

/// <summary>What a name of the file system stands for.</summary>
internal enum FileKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Unknown,
}

/// <summary>
/// What the BCL does not tell of a file on Unix: its kind (a FIFO, a socket, a device is not a file to read), its identity
/// (device and inode) and how many names it has (its hard links). Read with Linux's <c>statx(2)</c> from the C library
/// (glibc 2.28 or later, musl 1.2.5 or later); <c>statx</c> rather than <c>stat</c> because its structure is the same
/// on every architecture. On other systems (Windows, macOS), or where the call is missing or refused (an old kernel, a
/// sandbox that filters it), the status is unknown and the checks that need it are not made.
/// </summary>
internal readonly partial record struct FileStatus(FileKind Kind, ulong Device, ulong Inode, uint Links)
{
    private const int CurrentDirectory = -100;           // AT_FDCWD: a relative path is taken from the working directory
    private const int DoNotFollowLinks = 0x100;          // AT_SYMLINK_NOFOLLOW
    private const uint Wanted = 0x1 | 0x2 | 0x4 | 0x100; // STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_INO
    private const int NotImplemented = 38;               // ENOSYS
    private const int NotPermitted = 1;                  // EPERM: what container sandboxes answered before they knew statx

    private static volatile bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>The status of the file a path names (of the link itself when <paramref name="followLinks"/> is false), or null when it cannot be known.</summary>
    public static FileStatus? Of(string path, bool followLinks = true)
    {
        if (_unavailable)
        {
            return null;
        }

        int result;
        StatxBuffer buffer;
        try
        {
            result = Native.Statx(CurrentDirectory, path, followLinks ? 0 : DoNotFollowLinks, Wanted, out buffer);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }

        if (result != 0)
        {
            // A name that is gone or cannot be reached is left to the reader, which says so; a call refused as a whole is given up.
            if (Marshal.GetLastPInvokeError() is NotImplemented or NotPermitted)
            {
                _unavailable = true;
            }

            return null;
        }

        var kind = (buffer.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Unknown,
        };
        return new FileStatus(kind, ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor, buffer.Inode, buffer.Links);
    }

    /// <summary>What the kind is called in a message: "a FIFO (named pipe)".</summary>
    public string Describe() => Kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        _ => "of an unknown kind",
    };

    /// <summary><c>struct statx</c> of <c>linux/stat.h</c>: 256 bytes, of which only these fields are read.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(16)] public uint Links;        // stx_nlink
        [FieldOffset(28)] public ushort Mode;       // stx_mode
        [FieldOffset(32)] public ulong Inode;       // stx_ino
        [FieldOffset(136)] public uint DeviceMajor; // stx_dev_major
        [FieldOffset(140)] public uint DeviceMinor; // stx_dev_minor
    }

    private static partial class Native
    {
        // "libc" is mapped by the runtime to the C library's real name (libc.so.6 on glibc).
        [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);
    }
}
