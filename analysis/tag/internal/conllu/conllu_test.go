package conllu

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name      string
		input     string
		wantWords [][]string
		wantXPOS  [][]string
		wantErr   bool
	}{
		{
			name: "two sentences with comments",
			input: "# sent_id = 1\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n" +
				"# sent_id = 2\n1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n",
			wantWords: [][]string{{"Hi"}, {"Go", "!"}},
			wantXPOS:  [][]string{{"UH"}, {"VB", "."}},
		},
		{
			name: "multiword range and empty node skipped",
			input: "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n" +
				"2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n2.1\tx\tx\tX\tXX\t_\t_\t_\t_\t_\n\n",
			wantWords: [][]string{{"do", "n't"}},
			wantXPOS:  [][]string{{"VBP", "RB"}},
		},
		{
			name:    "short line is an error",
			input:   "1\tHi\thi\n",
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.input))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if len(got) != len(tt.wantWords) {
				t.Fatalf("got %d sentences, want %d", len(got), len(tt.wantWords))
			}
			for i, s := range got {
				if strings.Join(s.Words, " ") != strings.Join(tt.wantWords[i], " ") {
					t.Errorf("sentence %d words = %q, want %q", i, s.Words, tt.wantWords[i])
				}
				if strings.Join(s.XPOS, " ") != strings.Join(tt.wantXPOS[i], " ") {
					t.Errorf("sentence %d xpos = %q, want %q", i, s.XPOS, tt.wantXPOS[i])
				}
				if len(s.UPOS) != len(s.Words) {
					t.Errorf("sentence %d: %d UPOS for %d words", i, len(s.UPOS), len(s.Words))
				}
			}
		})
	}
}
