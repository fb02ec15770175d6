using System.Buffers;
using System.Text.Unicode;

namespace SocialRoi.Server.Ingest;

/// <summary>Finds where bytes stop being UTF-8, so a rejection can name the byte to fix.</summary>
public static class Utf8Text
{
    /// <summary>The offset of the first byte that is not valid UTF-8, or null when all of it is.</summary>
    public static int? FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return null;
        Span<char> scratch = stackalloc char[1024];
        var offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == OperationStatus.InvalidData) return offset + read;
            offset += read; // DestinationTooSmall: decode on from where it stopped
        }
    }
}
