/**
 * Texts of planted campaigns: propaganda-style sentences assembled from phrase pools, written with the stray
 * misspellings and broken grammar of Spamouflage posts (Meta Adversarial Threat Report Q2 2023; Graphika,
 * "Spamouflage Dragon" reports 2019–2023), short slogans for link floods, and the paraphrase vocabulary. Invented
 * for the benchmark; they name no real person.
 *
 * @module
 */
import type { SimRandom } from './sim-random.js';
import type { ParaphraseVocabulary } from './text-edits.js';

const OPENERS = [
  'Everyone should know that',
  'It is clear now that',
  'Wake up people,',
  'The truth is coming out:',
  'Dont be fooled,',
  'Once again',
  'Ordinary citizens are asking why',
  'Nobody talk about how',
  'Look carefully and you see',
  'Independent observers confirm that',
  'It is shamefull that',
  'We must not forget that',
  'History will remember that',
  'Open your eyes,',
];
const SUBJECTS = [
  'the western media',
  'the so called experts',
  'the goverment officials',
  'the fake human rights groups',
  'the foriegn funded NGOs',
  'the corrupt politicans',
  'the big tech companys',
  'the military contractors',
  'the opposition leaders',
  'the mainstream jounalists',
  'the exiled billionaires',
  'the hired protest organisers',
  'the so called activists',
  'the weapon lobby',
];
const CLAIMS = [
  'keep lying about the flooding in the southern provinces',
  'never tell you who profits from the new railway contracts',
  'hide the real numbers of the economic colapse',
  'spread rumours to create chaos and division',
  'were paid to organise the riots in the capital',
  'cover up the scandal of the poisoned water supply',
  'attack our country while ignoring their own crimes',
  'invent stories about labour camps that dont exist',
  'steal the savings of hard working familys',
  'push the world toward a dangerous new war',
  'silence every voice that tell the real story',
  'sell fake vaccines to poor countries for huge profit',
  'manipulate the election with foreign money',
  'destroy the trust between neighbour nations',
];
const CONNECTORS = ['Meanwhile', 'At the same time', 'And worse,', 'Even now', 'Behind the scenes'];
const CLOSERS = [
  'and nobody ask why the aid never arrive',
  'share before they delete this',
  'the people deserve to know the truth',
  'this is a shamefull betrayal of ordinary citizens',
  'how long will the world stay silent',
  'remember who is really responsable',
  'the evidence is everywhere if you look',
  'do not let them fool you again',
  'time to hold them accountable',
  'spread the word to all your freinds',
];
const SLOGANS = [
  'must read',
  'the truth they hide',
  'share widely',
  'read this before it is deleted',
  'finally someone says it',
  'look what they did',
  'facts not propaganda',
  'see for yourself',
  'this is what really happened',
  'important news',
];

/** Paraphrase vocabulary: synonyms for the words of the phrase pools, and fillers. */
export const CAMPAIGN_PARAPHRASE_VOCABULARY: ParaphraseVocabulary = Object.freeze({
  synonyms: Object.freeze({
    lying: ['telling lies', 'deceiving us'],
    truth: ['facts', 'real story'],
    people: ['citizens', 'folks'],
    hide: ['conceal', 'bury'],
    corrupt: ['crooked', 'dishonest'],
    real: ['true', 'actual'],
    never: ['not ever', 'do not'],
    paid: ['bribed', 'funded'],
    chaos: ['disorder', 'turmoil'],
    dangerous: ['reckless', 'terrible'],
    shamefull: ['disgracefull', 'shameful'],
    silent: ['quiet', 'passive'],
    attack: ['target', 'smear'],
    crimes: ['sins', 'abuses'],
    spread: ['push', 'circulate'],
    world: ['planet', 'international community'],
    huge: ['enormous', 'massive'],
    evidence: ['proof', 'facts'],
    again: ['one more time', 'twice'],
    every: ['each', 'any'],
  }),
  fillers: Object.freeze([
    'really',
    'clearly',
    'obviously',
    'truly',
    'simply',
    'now',
    'indeed',
    'again',
    'still',
  ]),
});

/**
 * A campaign sentence. Short (copypasta; at least 60 characters): opener, subject, claim and closer. Long
 * (paraphrase templates; at least 140 characters): two subject–claim clauses joined by a connector, then a closer.
 * @param rng the campaign's random stream
 * @param long whether to build the long form
 * @example campaignSentence(rng, false)
 * // e.g. 'Wake up people, the western media keep lying about the flooding in the southern provinces, share before they delete this!!'
 */
export function campaignSentence(rng: SimRandom, long: boolean): string {
  const first = `${rng.pick(OPENERS)} ${rng.pick(SUBJECTS)} ${rng.pick(CLAIMS)}`;
  const mark = rng.pick(['.', '!!', '!', '...']);
  if (!long) return `${first}, ${rng.pick(CLOSERS)}${mark}`;
  const second = `${rng.pick(CONNECTORS)} ${rng.pick(SUBJECTS)} ${rng.pick(CLAIMS)}`;
  return `${first}. ${second}, ${rng.pick(CLOSERS)}${mark}`;
}

/**
 * A fresh campaign sentence not in `used` (which it joins), so two campaigns never share a text by chance.
 * @param used sentences already taken in this case
 */
export function freshCampaignSentence(rng: SimRandom, long: boolean, used: Set<string>): string {
  for (;;) {
    const s = campaignSentence(rng, long);
    if (!used.has(s)) {
      used.add(s);
      return s;
    }
  }
}

/** A short slogan for link floods, e.g. `must read`. */
export function campaignSlogan(rng: SimRandom): string {
  return rng.pick(SLOGANS);
}
