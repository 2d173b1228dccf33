package analysis

import (
	"slices"
	"sync"

	"liaison/analysis/markup"
)

// mapCache is an unbounded Cache for tests of what AnalyzeWith reuses.
type mapCache struct {
	mu     sync.Mutex
	chunks map[ChunkKey][]Block
	blocks map[BlockKey]mapBlock
}

type mapBlock struct {
	spans []markup.Span
	ba    *BlockAnalysis
}

func newMapCache() *mapCache {
	return &mapCache{chunks: map[ChunkKey][]Block{}, blocks: map[BlockKey]mapBlock{}}
}

func (c *mapCache) Chunks(keys []ChunkKey, blocks [][]Block, found []bool, handles []ChunkHandle) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, k := range keys {
		blocks[i], found[i] = c.chunks[k]
		if found[i] {
			handles[i] = k
		}
	}
}

func (c *mapCache) PutChunk(k ChunkKey, blocks []Block) ChunkHandle {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.chunks[k] = blocks
	return k
}

// Retain has a handle's chunk when its key is still in the map.
func (c *mapCache) Retain(handles []ChunkHandle, ok []bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, h := range handles {
		k, isKey := h.(ChunkKey)
		_, ok[i] = c.chunks[k]
		ok[i] = ok[i] && isKey
	}
}

func (c *mapCache) Block(k BlockKey, spans []markup.Span) (*BlockAnalysis, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.blocks[k]
	if !ok || !slices.Equal(b.spans, spans) {
		return nil, false
	}
	return b.ba, true
}

func (c *mapCache) PutBlock(k BlockKey, spans []markup.Span, ba *BlockAnalysis) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.blocks[k] = mapBlock{spans, ba}
}
