package main

import "strings"

// Domain labels: what a sense is about, shown before its definition so a
// word with senses across fields reads like a disambiguation page
// ("liaison" — communication: a channel for communication between
// groups; relationship: a usually secretive sexual relationship).
//
// A synset's topic and region domains (WordNet's domain_topic and
// domain_region: military, law, medicine, Britain) name it best. Every
// noun and verb synset also gets a field: its lexicographer file
// (noun.communication → communication), or, where that file is too general
// to tell senses apart (noun.state, noun.act, verb.stative, …), the head
// word of its hypernym (sexual relationship → relationship).

// fieldNames are the lexicographer files that name a field readers know.
var fieldNames = map[string]string{
	"noun.animal": "animal", "noun.artifact": "artifact", "noun.body": "body",
	"noun.cognition": "thought", "noun.communication": "communication", "noun.feeling": "feeling",
	"noun.food": "food", "noun.location": "place", "noun.motive": "motive", "noun.object": "nature",
	"noun.person": "person", "noun.plant": "plant", "noun.possession": "possession",
	"noun.substance": "substance", "noun.time": "time",
	"verb.body": "body", "verb.change": "change", "verb.cognition": "thought",
	"verb.communication": "communication", "verb.competition": "competition",
	"verb.consumption": "consumption", "verb.contact": "contact", "verb.creation": "creation",
	"verb.emotion": "emotion", "verb.motion": "motion", "verb.perception": "perception",
	"verb.possession": "possession", "verb.social": "social life", "verb.weather": "weather",
}

// generalFiles are lexicographer files too general to name a field; their
// synsets take the head of their hypernym instead.
var generalFiles = map[string]bool{
	"noun.Tops": true, "noun.act": true, "noun.attribute": true, "noun.event": true,
	"noun.group": true, "noun.phenomenon": true, "noun.process": true, "noun.quantity": true,
	"noun.relation": true, "noun.shape": true, "noun.state": true, "verb.stative": true,
}

// fieldOf returns the field label of a synset in lexicographer file
// lexfile with the given hypernyms, or "".
func fieldOf(lexfile string, hypernyms []string, synsets map[string]*synset) string {
	if f, ok := fieldNames[lexfile]; ok {
		return f
	}
	if !generalFiles[lexfile] {
		return "" // adjectives and adverbs
	}
	for _, id := range hypernyms {
		if h, ok := synsets[id]; ok && len(h.members) > 0 {
			return headOf(h.members[0])
		}
	}
	return ""
}

// headOf is the head word of a lemma: the last word of a noun phrase
// ("sexual relationship" → relationship), the first of a verb phrase
// ("carry out" → carry) — close enough for a label either way, so the
// last word of a noun and the first of anything with a particle.
func headOf(lemma string) string {
	words := strings.Fields(strings.ReplaceAll(lemma, "_", " "))
	if len(words) == 0 {
		return ""
	}
	last := words[len(words)-1]
	switch last {
	case "up", "down", "out", "off", "in", "on", "over", "away", "back", "about", "around", "through":
		return words[0]
	}
	return last
}

// domainLabels names the topic and region domains of a synset by the
// first member of each domain synset.
func domainLabels(ids []string, synsets map[string]*synset) []string {
	var out []string
	for _, id := range ids {
		if t, ok := synsets[id]; ok && len(t.members) > 0 {
			out = append(out, t.members[0])
		}
	}
	return out
}
