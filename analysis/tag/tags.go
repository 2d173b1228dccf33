package tag

// UPOS is a Universal Dependencies part-of-speech tag.
type UPOS uint8

// The 17 Universal POS tags; UPOSNone is the zero value (not tagged).
const (
	UPOSNone UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	numUPOS
)

var uposNames = [numUPOS]string{"", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

func (u UPOS) String() string {
	if u < numUPOS {
		return uposNames[u]
	}
	return "UPOS(?)"
}

// ParseUPOS returns the tag named s (upper case, as in CoNLL-U).
func ParseUPOS(s string) (UPOS, bool) {
	for i, n := range uposNames {
		if i > 0 && n == s {
			return UPOS(i), true
		}
	}
	return UPOSNone, false
}

// PTB is a Penn Treebank tag as used in the XPOS column of UD English-EWT.
type PTB uint8

// The Penn Treebank tags of UD English-EWT; PTBNone is the zero value.
const (
	PTBNone PTB = iota
	CC
	CD
	DT
	EX
	FW
	IN
	JJ
	JJR
	JJS
	LS
	MD
	NN
	NNS
	NNP
	NNPS
	PDT
	POS
	PRP
	PRPS // PRP$
	RB
	RBR
	RBS
	RP
	SYMBOL // SYM
	TO
	UH
	VB
	VBD
	VBG
	VBN
	VBP
	VBZ
	WDT
	WP
	WPS // WP$
	WRB
	ADD
	AFX
	GW
	HYPH
	NFP
	XX
	COMMA  // ,
	PERIOD // .
	COLON  // :
	LQUOTE // ``
	RQUOTE // ''
	LRB    // -LRB-
	RRB    // -RRB-
	DOLLAR // $
	HASH   // #
	numPTB
)

var ptbNames = [numPTB]string{"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "ADD", "AFX", "GW", "HYPH", "NFP", "XX", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "$", "#"}

func (p PTB) String() string {
	if p < numPTB {
		return ptbNames[p]
	}
	return "PTB(?)"
}

// ParsePTB returns the tag spelled s as in the Penn Treebank ("PRP$", "-LRB-", ",").
func ParsePTB(s string) (PTB, bool) {
	for i, n := range ptbNames {
		if i > 0 && n == s {
			return PTB(i), true
		}
	}
	return PTBNone, false
}

// IsVerb reports whether p is one of the verb tags VB, VBD, VBG, VBN, VBP, VBZ.
func (p PTB) IsVerb() bool { return p >= VB && p <= VBZ }
