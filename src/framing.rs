//! Words that frame names: titles before people, heads of force and
//! institution phrases, organisation words, place triggers and heads, name
//! particles; and the cue words read around a name ([`Cue`]: determiners,
//! reporting verbs, conjunctions, word endings). Per-language data in
//! `data/lang/<code>/names.tsv`, loaded once per language (a few hundred
//! words: microseconds). The recognisers name tags, never words: what a
//! language says lives in its data.

use crate::text::hash::WordMap;
use crate::text::word_list;

/// A title or function before a person's name.
pub const TITLE: u32 = 1;
/// Head of a phrase naming a military or security force ("armée", "army").
pub const MILITARY: u32 = 1 << 1;
/// Head of a phrase naming a government or institution ("gouvernement").
pub const GOVERNMENT: u32 = 1 << 2;
/// Head of a phrase naming an armed group ("rebelles", "militants").
pub const ARMED_GROUP: u32 = 1 << 3;
/// First word of an organisation's name ("Parti", "Banque").
pub const ORG_HEAD: u32 = 1 << 4;
/// Last word of an organisation's name ("Party", "Inc").
pub const ORG_SUFFIX: u32 = 1 << 5;
/// A common noun announcing a place name ("ville", "province", "town").
pub const PLACE_TRIGGER: u32 = 1 << 6;
/// A preposition before which a capitalised name is likely a place ("à", "in").
pub const PLACE_PREP: u32 = 1 << 7;
/// An adjective naming a group like a demonym ("kurde", "Shiite").
pub const GROUP_ADJ: u32 = 1 << 8;
/// A common noun heading a geographic feature's name ("vallée", "mer", "Mount").
pub const PLACE_HEAD: u32 = 1 << 9;
/// A word ending a place name ("River", "Province").
pub const PLACE_SUFFIX: u32 = 1 << 10;
/// A word heading a chain of command before a force ("commandement de l'armée").
pub const CHAIN_HEAD: u32 = 1 << 11;

/// The framing words of one language.
pub struct Framing {
    /// The tags looked up at nearly every capitalised token.
    tags: WordMap<&'static str, u32>,
    /// The agent verbs and auxiliaries, apart: they are looked up only after
    /// a country or capital, and would otherwise double the map every
    /// token is looked up in.
    agent: WordMap<&'static str, u32>,
    /// The cue words ([`Cue`]), apart for the same reason.
    cues: WordMap<&'static str, u64>,
    /// The word endings of cues (written "-ing" in the data), by cue.
    endings: Vec<(u64, Vec<&'static str>)>,
    /// Every cue the language has words or endings for: a rule reading a
    /// cue the language lacks costs no look-up.
    cue_bits: u64,
    /// Every tag the language has words for.
    tag_bits: u32,
    /// A bit for each word of each map ([`filter_bit`]: tags, agent words,
    /// cue words, one filter per map): most words asked about (names,
    /// mostly) frame nothing, and are told apart without hashing them; a
    /// filter per map keeps the function words (cues), asked about at every
    /// token, from passing the filter of the tags.
    filters: [Filter; 3],
    /// Per last byte, the cues that have an ending with that last byte: most
    /// words are told apart by one look-up, without comparing them to each
    /// ending.
    last_byte_cues: Vec<u64>,
    /// Per filter bit of the tags' map, the union of the tags of its words:
    /// a word asked about one tag ([`Framing::has`]) is told no without
    /// hashing it when no word of its bit has that tag (the articles before
    /// most nouns are framing words, but no titles).
    tag_union: Vec<u32>,
    /// The same for the cue words, per group of [`CUE_GROUP`] filter bits
    /// (a smaller table): function words are cue words, asked about cues
    /// they are not ("der" as a reporting verb).
    cue_union: Vec<u64>,
}

/// Filter bits per entry of [`Framing::cue_union`].
const CUE_GROUP: usize = 4;

/// The pre-filter of one map: a bit per word.
type Filter = [u64; FILTER_BITS / 64];

/// The filters of [`Framing::filters`], by map.
const TAGS: usize = 0;
const AGENT: usize = 1;
const CUES: usize = 2;

/// Bits of [`Framing`]'s pre-filter.
const FILTER_BITS: usize = 8192;

/// The filter bit of a folded word: a superset test, a clear bit means no
/// map has the word.
#[inline]
fn filter_bit(w: &str) -> usize {
    crate::lexicon::word_filter::bit_among(w, FILTER_BITS)
}

impl Framing {
    /// Reads a language's `names.tsv` and the particles shared by all
    /// languages (`data/lang/particles.txt`).
    pub fn parse(data: &'static str, particles: &'static str) -> Framing {
        let mut f = Framing::empty();
        for line in word_list(data) {
            let mut parts = line.split('\t');
            let (Some(word), Some(tag)) = (parts.next(), parts.next()) else {
                continue;
            };
            let (word, tag) = (word.trim(), tag.trim());
            if let Some(&(_, cue)) = CUE_NAMES.iter().find(|(name, _)| *name == tag) {
                f.add_cue(word, cue);
                continue;
            }
            let bit = match tag {
                "title" => TITLE,
                "military" => MILITARY,
                "government" => GOVERNMENT,
                "armed_group" => ARMED_GROUP,
                "org_head" => ORG_HEAD,
                "org_suffix" => ORG_SUFFIX,
                "place_trigger" => PLACE_TRIGGER,
                "place_prep" => PLACE_PREP,
                "group_adj" => GROUP_ADJ,
                "place_head" => PLACE_HEAD,
                "place_suffix" => PLACE_SUFFIX,
                "chain_head" => CHAIN_HEAD,
                "institution" => INSTITUTION,
                "sports" => SPORTS,
                "compass" => COMPASS,
                "toponym_ending" => TOPONYM_ENDING,
                "agent_verb" => AGENT_VERB,
                "agent_aux" => AGENT_AUX,
                "police" => POLICE,
                "org_of_place" => ORG_OF_PLACE,
                "club_head" => CLUB_HEAD,
                "particle" => PARTICLE,
                _ => 0,
            };
            let map = if bit & (AGENT_VERB | AGENT_AUX) != 0 {
                &mut f.agent
            } else {
                &mut f.tags
            };
            *map.entry(word).or_insert(0) |= bit;
        }
        // A language adds particles of its own with `particle` lines ("las").
        for p in word_list(particles) {
            *f.tags.entry(p).or_insert(0) |= PARTICLE;
        }
        f.drop_particles(data);
        f.tag_bits = f
            .tags
            .values()
            .chain(f.agent.values())
            .fold(0, |a, &b| a | b);
        f.seal();
        f
    }

    /// Sets the filter bits of every word of the maps, once they are full.
    fn seal(&mut self) {
        let maps = [
            (TAGS, self.tags.keys().collect::<Vec<_>>()),
            (AGENT, self.agent.keys().collect()),
            (CUES, self.cues.keys().collect()),
        ];
        for (i, words) in maps {
            for w in words {
                let bit = filter_bit(w);
                self.filters[i][bit / 64] |= 1 << (bit % 64);
            }
        }
        self.tag_union = vec![0; FILTER_BITS];
        for (w, &tags) in &self.tags {
            self.tag_union[filter_bit(w)] |= tags;
        }
        self.cue_union = vec![0; FILTER_BITS / CUE_GROUP];
        for (w, &cues) in &self.cues {
            self.cue_union[filter_bit(w) / CUE_GROUP] |= cues;
        }
        self.last_byte_cues = vec![0; 256];
        for (bit, list) in &self.endings {
            for e in list {
                if let Some(&b) = e.as_bytes().last() {
                    self.last_byte_cues[usize::from(b)] |= bit;
                }
            }
        }
    }

    /// False when the map of filter `i` cannot have the folded word.
    #[inline]
    fn may_have(&self, i: usize, folded: &str) -> bool {
        let bit = filter_bit(folded);
        self.filters[i][bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The shared particles a language's data takes back with a
    /// `not_particle` line: in Spanish `en` is the preposition, never a
    /// particle inside a name ("la Copa del Rey en el Camp Nou").
    fn drop_particles(&mut self, data: &'static str) {
        for line in word_list(data) {
            let mut parts = line.split('\t');
            if let (Some(word), Some("not_particle")) = (parts.next(), parts.next().map(str::trim))
            {
                if let Some(tags) = self.tags.get_mut(word.trim()) {
                    *tags &= !PARTICLE;
                }
            }
        }
    }

    fn empty() -> Framing {
        Framing {
            tags: WordMap::default(),
            agent: WordMap::default(),
            cues: WordMap::default(),
            endings: Vec::new(),
            cue_bits: 0,
            tag_bits: 0,
            filters: [[0; FILTER_BITS / 64]; 3],
            last_byte_cues: Vec::new(),
            tag_union: Vec::new(),
            cue_union: Vec::new(),
        }
    }

    /// The cue words of several languages at once, for the rules that read
    /// a cue whatever the language of the text (no framing tags).
    pub fn union_of_cues<'a>(all: impl IntoIterator<Item = &'a Framing>) -> Framing {
        let mut f = Framing::empty();
        for one in all {
            for (&w, &bits) in &one.cues {
                f.add_cue(w, Cue(bits));
            }
            for (bit, endings) in &one.endings {
                for e in endings {
                    f.add_ending(e, Cue(*bit));
                }
            }
        }
        f.seal();
        f
    }

    fn add_cue(&mut self, word: &'static str, cue: Cue) {
        match word.strip_prefix('-').filter(|e| !e.is_empty()) {
            Some(ending) => self.add_ending(ending, cue),
            None => *self.cues.entry(word).or_insert(0) |= cue.0,
        }
        self.cue_bits |= cue.0;
    }

    fn add_ending(&mut self, ending: &'static str, cue: Cue) {
        self.cue_bits |= cue.0;
        match self.endings.iter_mut().find(|(bit, _)| *bit == cue.0) {
            Some((_, list)) if !list.contains(&ending) => list.push(ending),
            Some(_) => {}
            None => self.endings.push((cue.0, vec![ending])),
        }
    }

    /// True when the folded word is one of the words of `cue` (or of any
    /// cue of a [`Cue::or`]).
    #[inline]
    pub fn has_cue(&self, folded: &str, cue: Cue) -> bool {
        self.cue_bits & cue.0 != 0
            && self
                .cue_union
                .get(filter_bit(folded) / CUE_GROUP)
                .is_some_and(|&u| u & cue.0 != 0)
            && self.cues.get(folded).is_some_and(|&t| t & cue.0 != 0)
    }

    /// True when the folded word ends with one of the endings of `cue`
    /// ([`COMMON_ENDING`], [`VERB_ENDING`]...). A language without such
    /// endings turns the rule that reads them off.
    pub fn ends_with(&self, folded: &str, cue: Cue) -> bool {
        let w = folded.as_bytes();
        let Some(&last) = w.last() else {
            return false;
        };
        // No ending of the cue ends with the word's last byte: most words.
        let cues = self.last_byte_cues.get(usize::from(last)).copied();
        if cues.unwrap_or(0) & cue.0 == 0 {
            return false;
        }
        // Compared byte by byte from the end: most endings differ at the
        // last byte or the one before, and a call to memcmp costs more.
        let ends = |e: &str| {
            let e = e.as_bytes();
            e.len() <= w.len() && e.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
        };
        self.endings
            .iter()
            .filter(|(bit, _)| bit & cue.0 != 0)
            .any(|(_, list)| list.iter().any(|e| ends(e)))
    }

    /// The endings of `cue` (without their hyphen).
    pub fn endings(&self, cue: Cue) -> impl Iterator<Item = &'static str> + '_ {
        self.endings
            .iter()
            .filter(move |(bit, _)| bit & cue.0 != 0)
            .flat_map(|(_, list)| list.iter().copied())
    }

    /// True when the language has words for any of the tags of `tag`: a
    /// rule reading tags the language lacks costs no look-up.
    #[inline]
    pub fn has_any(&self, tag: u32, cue: Cue) -> bool {
        self.tag_bits & tag != 0 || self.cue_bits & cue.0 != 0
    }

    /// The tags of a folded word (0 when it frames nothing).
    #[inline]
    pub fn tags(&self, folded: &str) -> u32 {
        if !self.may_have(TAGS, folded) {
            return 0;
        }
        self.tags.get(folded).copied().unwrap_or(0)
    }

    /// True when the folded word ends with one of the endings ("-ville")
    /// that carry `tag`, with at least three letters before it.
    pub fn has_ending(&self, folded: &str, tag: u32) -> bool {
        if self.tag_bits & tag == 0 {
            return false;
        }
        let mut key = String::with_capacity(folded.len() + 1);
        folded.char_indices().skip(3).any(|(i, _)| {
            key.clear();
            key.push('-');
            key.push_str(&folded[i..]);
            self.has(&key, tag)
        })
    }

    /// True when the folded word carries `tag`.
    #[inline]
    pub fn has(&self, folded: &str, tag: u32) -> bool {
        self.tag_bits & tag != 0
            && self
                .tag_union
                .get(filter_bit(folded))
                .is_some_and(|&u| u & tag != 0)
            && self.tags.get(folded).is_some_and(|&t| t & tag != 0)
    }

    /// True when the folded word carries `tag`, one of [`AGENT_VERB`] and [`AGENT_AUX`].
    pub fn has_agent(&self, folded: &str, tag: u32) -> bool {
        self.may_have(AGENT, folded) && self.agent.get(folded).is_some_and(|&t| t & tag != 0)
    }
}

/// A particle inside a name ("al", "ben", "de", "van"); shared by all languages.
pub const PARTICLE: u32 = 1 << 12;
/// A common noun that, capitalised after a determiner, names one institution
/// ("le Conseil", "la Commission", "the Senate").
pub const INSTITUTION: u32 = 1 << 13;
/// A word of sports results that makes the names around it teams ("beat", "v").
pub const SPORTS: u32 = 1 << 14;
/// A compass direction or a part of a place ("Nord", "East"): written with a
/// capital in "au Nord de la ville", and no place by itself.
pub const COMPASS: u32 = 1 << 15;
/// An ending of town names, written "-ville" in the data ("Savonnières",
/// "Abainville"): see [`Framing::has_ending`].
pub const TOPONYM_ENDING: u32 = 1 << 16;

/// A verb whose subject acts ("a appelé", "agreed"): a country or capital
/// as its subject stands for its government.
pub const AGENT_VERB: u32 = 1 << 17;
/// An auxiliary, clitic or adverb between a subject and its verb ("ont",
/// "n'", "has", "also").
pub const AGENT_AUX: u32 = 1 << 18;

/// A police force's head noun ("police", "gendarmerie"): security forces
/// (type military) that are not the armed forces.
pub const POLICE: u32 = 1 << 19;

/// An organisation's head whose name takes a place after "of" as its own
/// ("Universidad de Salamanca", "Junta de Extremadura"): the whole is one
/// organisation, not a head and a place.
pub const ORG_OF_PLACE: u32 = 1 << 20;
/// A word or abbreviation opening a sports club's name ("FC", "Real",
/// "Atlético"): the capitalised name after it, a town's included, is the club.
pub const CLUB_HEAD: u32 = 1 << 21;

/// A cue: a set of words (or endings) read around a name, in a bit space
/// of its own, apart from the framing tags looked up at every token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue(u64);

impl Cue {
    /// Either cue.
    pub const fn or(self, other: Cue) -> Cue {
        Cue(self.0 | other.0)
    }
}

/// A determiner before an institution's name ("le Conseil", "the Senate").
pub const DETERMINER: Cue = Cue(1 << 0);
/// A plural determiner, before which an acronym is a common noun ("des HLM").
pub const PLURAL_DETERMINER: Cue = Cue(1 << 1);
/// A definite article before a country as a subject ("la France", "the US").
pub const DEFINITE_ARTICLE: Cue = Cue(1 << 2);
/// A definite article elided before an apostrophe ("l'Irak").
pub const ELIDED_ARTICLE: Cue = Cue(1 << 3);
/// A reporting verb right after a name ("Woods said", "Dupont affirme").
pub const REPORTING_VERB: Cue = Cue(1 << 4);
/// An auxiliary before a reporting participle after a name ("X a déclaré").
pub const REPORTING_AUX: Cue = Cue(1 << 5);
/// A reporting participle after a [`REPORTING_AUX`] ("a déclaré").
pub const REPORTING_PARTICIPLE: Cue = Cue(1 << 6);
/// A reporting verb before a name, inverted ("said Wang.").
pub const INVERTED_REPORTING_VERB: Cue = Cue(1 << 7);
/// What may follow the name of an inverted report (".", ",", "in").
pub const INVERTED_REPORT_END: Cue = Cue(1 << 8);
/// A conjunction or complementiser after which a clause starts ("while", "mais").
pub const CLAUSE_CONJUNCTION: Cue = Cue(1 << 9);
/// A complementiser elided before an apostrophe ("qu'").
pub const ELIDED_CONJUNCTION: Cue = Cue(1 << 10);
/// A relative pronoun opening an apposition ("which", "qui").
pub const RELATIVE_PRONOUN: Cue = Cue(1 << 11);
/// The preposition between a place trigger and its name ("la ville de X",
/// "the town of X").
pub const OF: Cue = Cue(1 << 12);
/// [`OF`] elided before an apostrophe ("d'").
pub const ELIDED_OF: Cue = Cue(1 << 13);
/// [`OF`] contracted with an article ("du").
pub const CONTRACTED_OF: Cue = Cue(1 << 14);
/// The conjunction joining two subjects ("Washington and Moscow").
pub const AND: Cue = Cue(1 << 15);
/// A word that may follow a score in results ("points", "and").
pub const SCORE_WORD: Cue = Cue(1 << 16);
/// A [`SPORTS`] word that makes fixtures only in capitals ("DENVER AT SEATTLE").
pub const FIXTURE_IN_CAPITALS: Cue = Cue(1 << 17);
/// The preposition of an agent after a participle ("backed by Washington").
pub const AGENT_PREP: Cue = Cue(1 << 18);
/// A verb or clitic after a country heading a sentence ("France has", "la France va").
pub const SUBJECT_VERB: Cue = Cue(1 << 19);
/// A [`SUBJECT_VERB`] that counts though short and frequent ("is", "a").
pub const SHORT_VERB: Cue = Cue(1 << 20);
/// A word or sign after a capitalised word heading a sentence that shows it
/// is a subject ("Dole said", "Dupont a").
pub const AFTER_NAME: Cue = Cue(1 << 21);
/// A word before which a capitalised plural names inhabitants ("les Verdunois").
pub const BEFORE_GENTILE: Cue = Cue(1 << 22);
/// A linking word inside a hyphenated place name ("Arc-et-Senans").
pub const TOPONYM_LINK: Cue = Cue(1 << 23);
/// "Saint" and its forms, heading compounds that are not towns by shape.
pub const SAINT: Cue = Cue(1 << 24);
/// An ending of ordinary words (participles, adverbs: "-ing", "-ly"): a
/// capitalised word at a sentence head with it is no name.
pub const COMMON_ENDING: Cue = Cue(1 << 25);
/// An ending of the names of inhabitants ("-ois", "-iens").
pub const GENTILE_ENDING: Cue = Cue(1 << 26);
/// An adjective ending that completes an organisation's name after its head
/// ("Banque centrale"); without any, the rule is off.
pub const ORG_ADJECTIVE_ENDING: Cue = Cue(1 << 27);
/// An [`ORG_ADJECTIVE_ENDING`] that counts even on a frequent word ("européenne").
pub const COMMON_ORG_ADJECTIVE_ENDING: Cue = Cue(1 << 28);
/// An ending of the participle before an [`AGENT_PREP`] ("-ed").
pub const PARTICIPLE_ENDING: Cue = Cue(1 << 29);
/// An ending of a conjugated verb after a country heading a sentence ("-ed").
pub const VERB_ENDING: Cue = Cue(1 << 30);
/// A possessive ending after an apostrophe ("Wang's": "s").
pub const POSSESSIVE: Cue = Cue(1 << 31);
/// A one-letter word that is no initial before an ordinary word (the
/// pronoun "I" in "I. Went" is not "J. Smith").
pub const ONE_LETTER_WORD: Cue = Cue(1 << 32);
/// A plural ending, stripped to look a plural up as its singular
/// ("Analysts", "Experts").
pub const PLURAL_ENDING: Cue = Cue(1 << 33);
/// A preposition that names a source ("laut Merkel", "Merkel zufolge"):
/// the name before or after it speaks, evidence of a name where capitals
/// are none ([`crate::names::Cues::capitals_mark_names`]).
pub const SOURCE_PREP: Cue = Cue(1 << 34);
/// A genitive ending glued to a name ("Frankreichs", "Europas"): the name
/// without it is looked up in the gazetteer.
pub const GENITIVE_ENDING: Cue = Cue(1 << 35);
/// A word after which a rare capitalised word with no article is a name,
/// where capitals are no evidence ("von Schröder", "mit Peters"): nouns
/// take an article there ("von der Regierung").
pub const NAME_PREP: Cue = Cue(1 << 36);
/// An article before which a town's name is its sports club ("el Barcelona",
/// "del Parma": towns take no article in the language, clubs do).
pub const CLUB_ARTICLE: Cue = Cue(1 << 37);
/// The bracket that opens an organisation's acronym after its name
/// ("Organización de Estados Americanos (OEA)"): the acronym is the
/// organisation wherever the document writes it, whatever the gazetteer says.
pub const ACRONYM_BRACKET: Cue = Cue(1 << 38);
/// A punctuation mark between a team and its score in the language's
/// results ("Parma, 1 - Inter, 3").
pub const SCORE_SEPARATOR: Cue = Cue(1 << 39);
/// An ending of the language's surnames, written "-ez" in the data
/// ("González", "Martínez"): a guessed name ending so is a person's.
pub const SURNAME_ENDING: Cue = Cue(1 << 40);
/// A preposition that carries an institution's name on to its cause or its
/// field ("Consejo por la Paz", "Fuerza para Kosovo").
pub const ORG_LINK: Cue = Cue(1 << 41);
/// A flag of the language's data (its word is `*`): headlines in capitals
/// name, word by word, what the body names in its usual case ("PSOE",
/// "PINOCHET" in "PSOE Y PINOCHET CHILE EL PRESIDENTE…"), and a word in
/// its usual case on such a line (the dateline's town) is no headline's.
pub const HEADLINE_WORDS: Cue = Cue(1 << 42);
/// A punctuation mark that, twice in a line of capitalised words, makes it a
/// list of names ("Tim Simpson , Olin Browne , Ken Green"), no headline.
pub const LIST_SEPARATOR: Cue = Cue(1 << 43);
/// A flag of the language's data (its word is `*`): a country playing is
/// its national side, an organisation ("Italia, 2 - Francia, 1", "Carlos
/// Moyá (ESP)"), as the language's wire copy codes it (`names/sides.rs`).
pub const NATIONAL_SIDES: Cue = Cue(1 << 44);
/// A flag of the language's data (its word is `*`): a town a story names as
/// its club ("el Valencia") is the club wherever no place word puts it on
/// the map (`names/club_story.rs`).
pub const CLUB_STORY: Cue = Cue(1 << 45);
/// A flag of the language's data (its word is `*`): people bear two
/// surnames and go by the first ("Francisco Arias Cárdenas" is "Arias"
/// afterwards; `names/discourse.rs`).
pub const DOUBLE_SURNAME: Cue = Cue(1 << 46);
/// A flag of the language's data (its word is `*`): a country or capital
/// followed by an agent verb in a headline in capitals is the government
/// ("FRANCIA CONDENA…"; `names/headline_agents.rs`).
pub const HEADLINE_AGENTS: Cue = Cue(1 << 47);
/// The mark after a team that opens its line-up ("Lazio: Marchegiani; …";
/// `names/lineups.rs`).
pub const LINEUP_OPENER: Cue = Cue(1 << 48);
/// The mark between the lines of a line-up (defence, midfield, attack).
pub const LINEUP_SEPARATOR: Cue = Cue(1 << 49);
/// A kind of medium that names one in quotes after it ("el diario
/// \"Reforma\""; `names/quoted_media.rs`).
pub const MEDIA_NOUN: Cue = Cue(1 << 50);
/// A quantity, unit or currency ("Millionen", "Euro") opening a capitalised
/// run: the run counts something, no name (`names/span_edges.rs`).
pub const QUANTITY: Cue = Cue(1 << 51);
/// An abbreviation of a common noun or a unit ("DNA", "CEO", "EBIT"), or a
/// Roman numeral: alone, no name (`names/span_edges.rs`).
pub const COMMON_ACRONYM: Cue = Cue(1 << 52);
/// A word before a team's name that sets it against another ("ante Oviedo",
/// "frente a Oviedo"; `names/club_story.rs`).
pub const VERSUS: Cue = Cue(1 << 53);
/// A verb of the field a team is the subject or object of ("Oviedo ganó",
/// "venció a Oviedo"; `names/club_story.rs`).
pub const MATCH_VERB: Cue = Cue(1 << 54);
/// A word of sports copy ("partido", "goles"): two of them make a story
/// about sport (`names/club_story.rs`).
pub const SPORT_WORD: Cue = Cue(1 << 55);
/// The preposition that marks a team as a match verb's object or after a
/// [`VERSUS`] word ("venció a Oviedo", "frente a Oviedo").
pub const OBJECT_PREP: Cue = Cue(1 << 56);
/// A flag of the language's data (its word is `*`): an acronym written
/// right before a place's name is an organisation's branch there, the
/// whole one name ("COAG Extremadura"; `names/juxtaposed.rs`).
pub const ACRONYM_PLACE: Cue = Cue(1 << 57);
/// The head of an organisation's name written right before the place it
/// serves, without "of" ("Caja Badajoz", "Radio Extremadura";
/// `names/juxtaposed.rs`).
pub const JUXTAPOSED_HEAD: Cue = Cue(1 << 58);
/// A verb whose object, after the language's [`OBJECT_PREP`], is a person
/// or an actor ("acusó a Etiopía", "instó a Israel": the Spanish personal
/// "a"); a country there is its government (`names/metonymy.rs`).
pub const OBJECT_VERB: Cue = Cue(1 << 59);
/// An ending of verbs as written, accents kept ("-ó": "completó",
/// "bloqueó"), that the folded word loses to nouns ("completo", "bloqueo").
pub const WRITTEN_VERB_ENDING: Cue = Cue(1 << 60);

/// The cue tags of `names.tsv`, by the name the data gives them.
pub const CUE_NAMES: &[(&str, Cue)] = &[
    ("determiner", DETERMINER),
    ("plural_determiner", PLURAL_DETERMINER),
    ("definite_article", DEFINITE_ARTICLE),
    ("elided_article", ELIDED_ARTICLE),
    ("reporting_verb", REPORTING_VERB),
    ("reporting_aux", REPORTING_AUX),
    ("reporting_participle", REPORTING_PARTICIPLE),
    ("inverted_reporting_verb", INVERTED_REPORTING_VERB),
    ("inverted_report_end", INVERTED_REPORT_END),
    ("clause_conjunction", CLAUSE_CONJUNCTION),
    ("elided_conjunction", ELIDED_CONJUNCTION),
    ("relative_pronoun", RELATIVE_PRONOUN),
    ("of", OF),
    ("elided_of", ELIDED_OF),
    ("contracted_of", CONTRACTED_OF),
    ("and", AND),
    ("score_word", SCORE_WORD),
    ("fixture_in_capitals", FIXTURE_IN_CAPITALS),
    ("agent_prep", AGENT_PREP),
    ("subject_verb", SUBJECT_VERB),
    ("short_verb", SHORT_VERB),
    ("after_name", AFTER_NAME),
    ("before_gentile", BEFORE_GENTILE),
    ("toponym_link", TOPONYM_LINK),
    ("saint", SAINT),
    ("common_ending", COMMON_ENDING),
    ("gentile_ending", GENTILE_ENDING),
    ("org_adjective_ending", ORG_ADJECTIVE_ENDING),
    ("common_org_adjective_ending", COMMON_ORG_ADJECTIVE_ENDING),
    ("participle_ending", PARTICIPLE_ENDING),
    ("verb_ending", VERB_ENDING),
    ("possessive", POSSESSIVE),
    ("one_letter_word", ONE_LETTER_WORD),
    ("plural_ending", PLURAL_ENDING),
    ("source_prep", SOURCE_PREP),
    ("genitive_ending", GENITIVE_ENDING),
    ("name_prep", NAME_PREP),
    ("club_article", CLUB_ARTICLE),
    ("acronym_bracket", ACRONYM_BRACKET),
    ("score_separator", SCORE_SEPARATOR),
    ("surname_ending", SURNAME_ENDING),
    ("org_link", ORG_LINK),
    ("headline_words", HEADLINE_WORDS),
    ("list_separator", LIST_SEPARATOR),
    ("national_sides", NATIONAL_SIDES),
    ("club_story", CLUB_STORY),
    ("double_surname", DOUBLE_SURNAME),
    ("headline_agents", HEADLINE_AGENTS),
    ("lineup_opener", LINEUP_OPENER),
    ("lineup_separator", LINEUP_SEPARATOR),
    ("media_noun", MEDIA_NOUN),
    ("quantity", QUANTITY),
    ("common_acronym", COMMON_ACRONYM),
    ("versus", VERSUS),
    ("match_verb", MATCH_VERB),
    ("sport_word", SPORT_WORD),
    ("object_prep", OBJECT_PREP),
    ("acronym_place", ACRONYM_PLACE),
    ("juxtaposed_head", JUXTAPOSED_HEAD),
    ("object_verb", OBJECT_VERB),
    ("written_verb_ending", WRITTEN_VERB_ENDING),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_their_tags() {
        let f = Framing::parse(
            "# a comment\nchef\ttitle\narmee\tmilitary\narmee\torg_head\nannonce\tagent_verb\n-ville\ttoponym_ending\n",
            "al\nvan\n",
        );
        assert!(f.has("chef", TITLE));
        assert!(f.has("armee", MILITARY) && f.has("armee", ORG_HEAD));
        assert!(f.has("al", PARTICLE) && f.has("van", PARTICLE));
        assert_eq!(f.tags("maison"), 0);
        assert!(f.has_agent("annonce", AGENT_VERB) && !f.has("annonce", AGENT_VERB));
        assert!(
            f.has_ending("abainville", TOPONYM_ENDING) && !f.has_ending("ville", TOPONYM_ENDING)
        );
    }

    #[test]
    fn cue_words_and_endings_are_apart_from_the_tags() {
        let f = Framing::parse(
            "le\tdeterminer\nle\tdefinite_article\nde\tof\n-ing\tcommon_ending\nchef\ttitle\n",
            "",
        );
        assert!(f.has_cue("le", DETERMINER) && f.has_cue("le", DEFINITE_ARTICLE));
        assert!(!f.has_cue("le", PLURAL_DETERMINER) && f.tags("le") == 0);
        assert!(f.has_cue("de", OF.or(ELIDED_OF)) && !f.has_cue("chef", OF));
        assert!(f.ends_with("running", COMMON_ENDING) && !f.ends_with("run", COMMON_ENDING));
        assert!(!f.ends_with("running", VERB_ENDING));
        let g = Framing::parse("of\tof\n-ed\tverb_ending\n", "");
        let any = Framing::union_of_cues([&f, &g]);
        assert!(any.has_cue("of", OF) && any.has_cue("de", OF) && any.has_cue("le", DETERMINER));
        assert!(any.ends_with("walked", VERB_ENDING) && any.ends_with("going", COMMON_ENDING));
        assert_eq!(any.tags("chef"), 0);
    }

    #[test]
    fn the_tag_union_lets_every_tag_of_every_word_through() {
        // Every language's lists: each word has each of its tags and no other.
        let lang = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lang");
        let mut read = 0;
        for dir in std::fs::read_dir(lang).into_iter().flatten().flatten() {
            let Ok(data) = std::fs::read_to_string(dir.path().join("names.tsv")) else {
                continue;
            };
            read += 1;
            let data: &'static str = Box::leak(data.into_boxed_str());
            let f = Framing::parse(data, include_str!("../data/lang/particles.txt"));
            for (w, &tags) in &f.tags {
                for bit in 0..32 {
                    assert_eq!(f.has(w, 1 << bit), tags & (1 << bit) != 0, "{w} {bit}");
                }
            }
            assert!(!f.has("", TITLE));
            for (w, &cues) in &f.cues {
                for bit in 0..64 {
                    assert_eq!(
                        f.has_cue(w, Cue(1 << bit)),
                        cues & (1 << bit) != 0,
                        "{w} {bit}"
                    );
                }
            }
        }
        assert!(read >= 2);
    }

    #[test]
    fn every_cue_has_its_own_bit() {
        let mut seen = 0u64;
        for &(name, cue) in CUE_NAMES {
            assert_eq!(cue.0.count_ones(), 1, "{name}");
            assert_eq!(seen & cue.0, 0, "{name}");
            seen |= cue.0;
        }
    }
}
