// Package blockfile is the container format of the embedded dictionary: a
// few tables of byte records, each table cut into blocks of a fixed number
// of records, each block compressed with zstd on its own. A reader
// decompresses a block the first time one of its records is read, so a
// lookup costs only the blocks it touches, and memory holds only those
// (at most a budget's worth: Reader.SetBudget).
//
// A keyed table's records each begin with a key (a uvarint length and the
// bytes), in ascending byte order; the first key of every block is kept
// uncompressed in the header, so a search decompresses one block.
//
// Layout:
//
//	magic
//	uvarint table count
//	per table: uvarint records, uvarint records per block, byte keyed,
//	           uvarint blocks,
//	           uvarint length and the zstd-compressed raw dictionary the
//	           table's blocks are compressed with (length 0: none),
//	           per block: uvarint compressed length
//	           and, when keyed, the block's first key (uvarint length, bytes)
//	the compressed blocks, table after table
//
// A decompressed block is its records, each a uvarint length and the bytes.
package blockfile
