//! Words that frame names: titles before people, heads of force and
//! institution phrases, organisation words, place triggers and heads, name
//! particles. Per-language data in `data/lang/<code>/names.tsv`, loaded once
//! into one hash map per language (a few hundred words: microseconds).

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
    tags: WordMap<&'static str, u32>,
    /// The agent verbs and auxiliaries, apart: they are looked up only after
    /// a country or capital, and would otherwise double the map every
    /// token is looked up in.
    agent: WordMap<&'static str, u32>,
}

impl Framing {
    /// Reads a language's `names.tsv` and the particles shared by all
    /// languages (`data/lang/particles.txt`).
    pub fn parse(data: &'static str, particles: &'static str) -> Framing {
        let mut tags: WordMap<&'static str, u32> = WordMap::default();
        let mut agent: WordMap<&'static str, u32> = WordMap::default();
        for line in word_list(data) {
            let mut parts = line.split('\t');
            let (Some(word), Some(tag)) = (parts.next(), parts.next()) else {
                continue;
            };
            let bit = match tag.trim() {
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
                _ => 0,
            };
            let map = if bit & (AGENT_VERB | AGENT_AUX) != 0 {
                &mut agent
            } else {
                &mut tags
            };
            *map.entry(word.trim()).or_insert(0) |= bit;
        }
        for p in word_list(particles) {
            *tags.entry(p).or_insert(0) |= PARTICLE;
        }
        Framing { tags, agent }
    }

    /// The tags of a folded word (0 when it frames nothing).
    #[inline]
    pub fn tags(&self, folded: &str) -> u32 {
        self.tags.get(folded).copied().unwrap_or(0)
    }

    /// True when the folded word ends with one of the endings ("-ville")
    /// that carry `tag`, with at least three letters before it.
    pub fn has_ending(&self, folded: &str, tag: u32) -> bool {
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
        self.tags(folded) & tag != 0
    }

    /// True when the folded word carries `tag`, one of [`AGENT_VERB`] and [`AGENT_AUX`].
    pub fn has_agent(&self, folded: &str, tag: u32) -> bool {
        self.agent.get(folded).is_some_and(|&t| t & tag != 0)
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
}
