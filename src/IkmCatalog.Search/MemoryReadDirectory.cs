using System.Buffers.Binary;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace IkmCatalog.Search;

/// <summary>
/// Writes go to the folder on disk; segment files opened for searching are read whole into memory once and searched
/// from there. Segment files never change after they are written, so a copy stays right for as long as the segment
/// lives, and its memory goes with the last reader of the segment.
/// </summary>
/// <remarks>
/// File reads cost a system call per kilobyte touched and serialise threads on each file's stream: on the
/// 100k-product catalogue (bench/Search) half of a search's time went to them, mostly reading sort values one document
/// at a time. Memory maps avoid that, but Lucene.Net registers every per-query clone of a mapped file for unmapping,
/// which made the garbage collector's young collections slow. A byte array clones for a few bytes and holds no
/// references, so the collector never looks inside it. The index is a few hundred bytes per product (about 42 MiB for
/// 100k); files larger than <see cref="LargestFileKept"/> stay on disk. Merges, flushes and one-off reads (commit points,
/// segment lists) go to the disk as before.
/// </remarks>
internal sealed class MemoryReadDirectory(LuceneDirectory disk) : FilterDirectory(disk)
{
    /// <summary>Above this a file is read from disk (an array holds at most 2 GiB).</summary>
    public const long LargestFileKept = 1L << 30;

    public override IndexInput OpenInput(string name, IOContext context) =>
        KeepsInMemory(name, context) ? new MemoryIndexInput(name, Load(name), 0, null) : base.OpenInput(name, context);

    public override IndexInputSlicer CreateSlicer(string name, IOContext context) =>
        KeepsInMemory(name, context) ? new MemorySlicer(name, Load(name)) : m_input.CreateSlicer(name, context);

    private bool KeepsInMemory(string name, IOContext context) =>
        context.Context == IOContext.UsageContext.READ && !context.ReadOnce && m_input.FileLength(name) <= LargestFileKept;

    private byte[] Load(string name)
    {
        using var input = m_input.OpenInput(name, IOContext.READ_ONCE);
        var bytes = new byte[input.Length];
        input.ReadBytes(bytes, 0, bytes.Length);
        return bytes;
    }

    private sealed class MemorySlicer(string name, byte[] bytes) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > bytes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"Slice {offset}+{length} lies outside {name} ({bytes.Length} bytes).");
            }
            return new MemoryIndexInput($"{sliceDescription} in {name}", bytes, (int)offset, (int)length);
        }

        [Obsolete("Only for reading compound files of 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, bytes.Length);

        protected override void Dispose(bool disposing)
        {
        }
    }
}

/// <summary>An index file (or a slice of a compound file) read from an array; clones share the array.</summary>
internal sealed class MemoryIndexInput : IndexInput
{
    private readonly byte[] _bytes;
    private readonly int _start;
    private readonly int _end;
    private int _position;

    public MemoryIndexInput(string description, byte[] bytes, int start, int? length)
        : base($"MemoryIndexInput({description})")
    {
        _bytes = bytes;
        _start = start;
        _end = start + (length ?? bytes.Length - start);
        _position = start;
    }

    public override long Length => _end - _start;

    public override long Position => _position - _start;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > Length)
        {
            throw new EndOfStreamException($"Seek to {pos} past the end ({Length}) of {this}.");
        }
        _position = _start + (int)pos;
    }

    public override byte ReadByte()
    {
        if (_position >= _end)
        {
            throw new EndOfStreamException($"Read past the end of {this}.");
        }
        return _bytes[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        var source = Take(len);
        Buffer.BlockCopy(_bytes, source, b, offset, len);
    }

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(_bytes.AsSpan(Take(2), 2));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(_bytes.AsSpan(Take(4), 4));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(_bytes.AsSpan(Take(8), 8));

    public override void SkipBytes(long numBytes)
    {
        if (numBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numBytes), "Cannot skip backwards.");
        }
        Seek(Position + numBytes);
    }

    /// <summary>Where the next <paramref name="count"/> bytes start; moves past them.</summary>
    private int Take(int count)
    {
        if (count < 0 || count > _end - _position)
        {
            throw new EndOfStreamException($"Read of {count} bytes past the end of {this}.");
        }
        var at = _position;
        _position += count;
        return at;
    }

    protected override void Dispose(bool disposing)
    {
    }
}
