package blockfile

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/klauspost/compress/zstd"
)

const magic = "LIAISON-BLOCKS-1\n"

// dictID is the zstd dictionary ID of table i's dictionary.
func dictID(i int) uint32 { return uint32(i) + 1 }

// Table is a table to write: its records, in order; when Keyed, each record
// begins with its key and the records are sorted by key.
type Table struct {
	Records  [][]byte
	PerBlock int
	Keyed    bool
	// DictSize, when positive, is the size of a raw zstd dictionary drawn
	// from an even sample of the records: it lets small blocks compress
	// almost as well as large ones.
	DictSize int
}

// sampleDict concatenates records taken at an even stride, up to size bytes.
func sampleDict(records [][]byte, size int) []byte {
	total := 0
	for _, r := range records {
		total += len(r)
	}
	if total == 0 {
		return nil
	}
	want := max(1, size*len(records)/total) // records that fit in size
	step := max(1, len(records)/want)
	var d []byte
	for i := 0; i < len(records) && len(d) < size; i += step {
		d = append(d, records[i]...)
	}
	if len(d) > size {
		d = d[:size]
	}
	return d
}

// Write encodes tables into one blockfile.
func Write(tables []Table) ([]byte, error) {
	plain, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("blockfile: zstd: %w", err)
	}
	defer plain.Close()
	var head, body bytes.Buffer
	head.WriteString(magic)
	head.Write(binary.AppendUvarint(nil, uint64(len(tables))))
	for ti, t := range tables {
		if t.PerBlock <= 0 {
			return nil, fmt.Errorf("blockfile: table %d: records per block %d", ti, t.PerBlock)
		}
		nBlocks := (len(t.Records) + t.PerBlock - 1) / t.PerBlock
		head.Write(binary.AppendUvarint(nil, uint64(len(t.Records))))
		head.Write(binary.AppendUvarint(nil, uint64(t.PerBlock)))
		if t.Keyed {
			head.WriteByte(1)
		} else {
			head.WriteByte(0)
		}
		head.Write(binary.AppendUvarint(nil, uint64(nBlocks)))
		enc := plain
		if t.DictSize > 0 {
			d := sampleDict(t.Records, t.DictSize)
			packed := plain.EncodeAll(d, nil)
			head.Write(binary.AppendUvarint(nil, uint64(len(packed))))
			head.Write(packed)
			enc, err = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1),
				zstd.WithEncoderDictRaw(dictID(ti), d))
			if err != nil {
				return nil, fmt.Errorf("blockfile: zstd dictionary: %w", err)
			}
			defer enc.Close()
		} else {
			head.WriteByte(0)
		}
		var prevKey []byte
		for b := range nBlocks {
			recs := t.Records[b*t.PerBlock : min((b+1)*t.PerBlock, len(t.Records))]
			var raw []byte
			for i, r := range recs {
				if t.Keyed {
					k, _, ok := splitKey(r)
					if !ok {
						return nil, fmt.Errorf("blockfile: table %d record %d: no key", ti, b*t.PerBlock+i)
					}
					if prevKey != nil && bytes.Compare(prevKey, k) > 0 {
						return nil, fmt.Errorf("blockfile: table %d record %d: key %q after %q", ti, b*t.PerBlock+i, k, prevKey)
					}
					prevKey = k
				}
				raw = binary.AppendUvarint(raw, uint64(len(r)))
				raw = append(raw, r...)
			}
			packed := enc.EncodeAll(raw, nil)
			body.Write(packed)
			head.Write(binary.AppendUvarint(nil, uint64(len(packed))))
			if t.Keyed {
				k, _, _ := splitKey(recs[0])
				head.Write(binary.AppendUvarint(nil, uint64(len(k))))
				head.Write(k)
			}
		}
	}
	head.Write(body.Bytes())
	return head.Bytes(), nil
}

// splitKey splits a keyed record into its key and the rest.
func splitKey(rec []byte) (key, rest []byte, ok bool) {
	n, w := binary.Uvarint(rec)
	if w <= 0 || uint64(len(rec)-w) < n {
		return nil, nil, false
	}
	return rec[w : w+int(n)], rec[w+int(n):], true
}
