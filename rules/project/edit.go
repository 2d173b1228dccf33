package project

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Edit replaces the bytes [Start, End) of a text with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// Apply returns text with the edit made.
func (e Edit) Apply(text string) string {
	return text[:e.Start] + e.NewText + text[e.End:]
}

// DisableRule returns the edit that turns rule id off in a configuration
// file whose text is text ("" for a file still to be created). It keeps
// the file as written: the usual case, a block mapping under rules:,
// gets one line, indented like its neighbours; an existing entry for the
// rule has its value replaced. A file it cannot edit in place (flow style,
// say) is rewritten whole. An invalid file is an error.
func DisableRule(text, id string) (Edit, error) {
	root, err := decodeYAML(FileName, []byte(text))
	if err != nil {
		return Edit{}, err
	}
	appendRules := func() Edit {
		prefix := ""
		if text != "" && !strings.HasSuffix(text, "\n") {
			prefix = "\n"
		}
		return Edit{Start: len(text), End: len(text), NewText: prefix + "rules:\n  " + id + ": off\n"}
	}
	if root == nil || isNull(root) {
		return appendRules(), nil
	}
	if root.Kind != yaml.MappingNode {
		return Edit{}, fmt.Errorf("%s: the configuration must be a mapping", FileName)
	}
	var key, val *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "rules" {
			key, val = root.Content[i], root.Content[i+1]
		}
	}
	if key == nil {
		if root.Style&yaml.FlowStyle == 0 {
			return appendRules(), nil
		}
		return rewrite(text, root, id)
	}
	if val.Kind == yaml.MappingNode && val.Style&yaml.FlowStyle == 0 && len(val.Content) > 0 {
		for i := 0; i+1 < len(val.Content); i += 2 {
			k, v := val.Content[i], val.Content[i+1]
			if k.Value != id {
				continue
			}
			if v.Kind == yaml.ScalarNode && v.Style == 0 {
				start := Offset(text, v.Line, v.Column)
				if strings.HasPrefix(text[start:], v.Value) {
					return Edit{Start: start, End: start + len(v.Value), NewText: "off"}, nil
				}
			}
			return rewrite(text, root, id)
		}
		first := val.Content[0]
		at := Offset(text, first.Line, 1)
		return Edit{Start: at, End: at, NewText: strings.Repeat(" ", first.Column-1) + id + ": off\n"}, nil
	}
	if isNull(val) && val.Value == "" {
		// "rules:" with nothing after it.
		end := lineEnd(text, Offset(text, key.Line, key.Column))
		return Edit{Start: end, End: end, NewText: "\n" + strings.Repeat(" ", key.Column+1) + id + ": off"}, nil
	}
	return rewrite(text, root, id)
}

// rewrite sets rules.<id>: off in the tree and re-encodes the whole file.
func rewrite(text string, root *yaml.Node, id string) (Edit, error) {
	var val *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "rules" {
			val = root.Content[i+1]
		}
	}
	if val == nil {
		val = &yaml.Node{Kind: yaml.MappingNode}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "rules"}, val)
	}
	if isNull(val) {
		*val = yaml.Node{Kind: yaml.MappingNode}
	}
	if val.Kind != yaml.MappingNode {
		return Edit{}, fmt.Errorf("%s: rules must be a mapping", FileName)
	}
	off := &yaml.Node{Kind: yaml.ScalarNode, Value: "off"}
	replaced := false
	for i := 0; i+1 < len(val.Content); i += 2 {
		if val.Content[i].Value == id {
			val.Content[i+1] = off
			replaced = true
		}
	}
	if !replaced {
		val.Content = append(val.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: id}, off)
	}
	root.Style &^= yaml.FlowStyle
	val.Style &^= yaml.FlowStyle
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return Edit{}, fmt.Errorf("%s: %w", FileName, err)
	}
	return Edit{Start: 0, End: len(text), NewText: b.String()}, nil
}

// Offset converts a 1-based line and column (in characters, as YAML
// reports them) to a byte offset in text, clamped to the text.
func Offset(text string, line, column int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	for c := 1; c < column && off < len(text) && text[off] != '\n'; c++ {
		_, size := utf8.DecodeRuneInString(text[off:])
		off += size
	}
	return off
}

func lineEnd(text string, off int) int {
	if i := strings.IndexByte(text[off:], '\n'); i >= 0 {
		end := off + i
		if end > off && text[end-1] == '\r' {
			end--
		}
		return end
	}
	return len(text)
}
