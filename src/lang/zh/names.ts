import { wordList, wordSet } from './lexicon.js';
import { HAN } from './script.js';
import { cut, words } from './tokenizer.js';

/**
 * Person names: where a Chinese name starts (a surname) and where it ends (2–3 characters,
 * cut before a character that continues the sentence rather than the name).
 */
const surnames = () => wordSet('surnames.txt');
const stops = () => wordSet('name-stops.txt');
const notNames = () => wordSet('not-names.txt');

const NAME_TAGS = /^(nr|nrfg|nrt|x)$/;

/** Is `s` a surname (one character or compound)? */
export const surnameOf = (s: string): boolean => surnames().has(s);

/** Does `s` look like a Chinese name (surname first, not an ordinary word)? */
export function plausibleName(s: string): boolean {
  if (s.length < 2 || s.length > 4 || !new RegExp(`^[${HAN}]+$`, 'u').test(s)) return false;
  const compound = surnames().has(s.slice(0, 2));
  if (!compound && !surnames().has(s[0]!)) return false;
  if (s.length === 4 && !compound) return false;
  if (compound && s.length < 3) return false;
  // 冉老, 任叔, 王总: a surname with a one-character form of address is no given name.
  if (s.length === 2 && wordList('address-forms.txt').some((f) => f.length === 1 && f !== '小' && s.endsWith(f))) return false;
  // 王师傅, 李老师: a surname with a two-character form of address is no name either.
  if (s.length === 3 && !compound && wordList('address-forms.txt').some((f) => f.length === 2 && s.endsWith(f))) return false;
  if (notNames().has(s) || notNames().has(s.slice(0, 2))) return false;
  if (wordSet('pronouns.txt').has(s.slice(compound ? 2 : 1))) return false;
  // (常对我说: a pronoun or 对 inside is a clause, not a given name.)
  if ([...s.slice(1)].some((c) => /[的了是在和与及或等们个这那对我你您他她]/.test(c))) return false;
  // 向身边, 对面前: a preposition that is also a surname, before a place or direction word.
  const parts = words(s);
  if (parts.length === 2 && parts[0]!.tag === 'p' && parts[1]!.word.length >= 2 && /^[sf]$/.test(parts[1]!.tag)) return false;
  // An ordinary word that happens to start with a surname (成长, 陆续, 高新) is not a name.
  const first = parts[0]!;
  // 欧阳丽 is cut 欧阳/丽 (欧阳 tagged as a place): a compound surname is no ordinary word.
  if (first.word.length >= 2 && !NAME_TAGS.test(first.tag) && !(compound && first.word === s.slice(0, 2) && /^n[rsz]?$/.test(first.tag))) return false;
  return true;
}

/**
 * The name that starts at `at` in `text`, or undefined. Decides between 2 and 3 characters:
 * 张伟结对 → 张伟 (结对 is a word), 胡云晓一早 → 胡云晓, 张敬正忙着 → 张敬.
 */
export function nameAt(text: string, at: number): string | undefined {
  const compound = surnames().has(text.slice(at, at + 2)) ? 1 : 0;
  // 由县委书记任组长: the second character starts a title (组长), so this is no name.
  if (titleWords().some((t) => t.length >= 2 && text.startsWith(t, at + 1 + compound))) return undefined;
  const two = text.slice(at, at + 2 + compound);
  const third = text[at + 2 + compound] ?? '';
  let name = two;
  // 王老三, 张小二: 老/小 and a numeral are a given name (the numeral is no count here).
  if (/^[老小]$/.test(two.slice(-1)) && /^[二三四五六七八九]$/.test(third) && !/^[个名位人次年月天十百千万]/.test(text[at + 3 + compound] ?? '')) name = two + third;
  // 杨德才的帮带下: a character between two and 的 finishes the name (an adverb never stands
  // before 的), unless it is a word of its own there (张强家的, 王明说的, 李华们的).
  else if (text[at + 3 + compound] === '的' && new RegExp(`[${HAN}]`, 'u').test(third) && !/[们等都也说是在和与及就还又家里这那的了着过]/u.test(third)) name = two + third;
  else if (
    wordSet('name-final-stops.txt').has(third) &&
    (/^(?:[,，。、;；:：!！?？\s“”(（]|[说是给和与及对为的也都已还就在同常曾总又再便])/.test(text[at + 3 + compound] ?? '。') ||
      // 检察长王志刚出席…王志刚要求: the same three characters again — an adverb does not follow
      // one person each time they are named, a given name does.
      text.indexOf(two + third, text.indexOf(two + third) + 1) >= 0)
  )
    name = two + third;
  else if (new RegExp(`[${HAN}]`, 'u').test(third) && !stops().has(third)) {
    // The third character belongs to the name unless it starts a word with what follows.
    const next = cut(text.slice(at + 2 + compound, at + 6 + compound))[0] ?? '';
    // 张强种起了: a third character followed by a bare aspect or direction particle is a verb.
    const after = cut(text.slice(at + 3 + compound, at + 7 + compound))[0] ?? '';
    const verbal = /^[了着过起]$/.test(after);
    // 胡文杰作为: 杰作 is a word, but so is 作为 right after 杰 — the reading where both sides are
    // words wins (an overlapping ambiguity), so 杰 ends the name. (张伟结对: 对 alone is no word.)
    const overlapped = next.length === 2 && after.length >= 2;
    // 何建国共带, 马文才说, 赵德胜任: the given name is a noun of its own (建国, 文才, 德胜) —
    // read from the given name on, the text cuts there. (A verb or adverb there — 王刚才说,
    // 李强调 — is the sentence going on, so only a noun counts.)
    const given = words(text.slice(at + 1 + compound, at + 6 + compound))[0];
    const givenNoun = given?.word === text.slice(at + 1 + compound, at + 3 + compound) && /^n/.test(given.tag);
    // 郑国华为师傅…: the word the third character starts is itself a name (华为) — a proper noun
    // does not begin inside a sentence's run of verbs, so the cut is jieba's, not the text's.
    const nextWord = words(text.slice(at + 2 + compound, at + 6 + compound))[0];
    const properNext = next.length === 2 && nextWord?.word === next && /^(?:nr|nrfg|nrt|nz)$/.test(nextWord.tag);
    if ((next.length < 2 && !verbal) || overlapped || properNext || (givenNoun && !verbal)) name = text.slice(at, at + 3 + compound);
  }
  return plausibleName(name) ? name : undefined;
}

const DOT = /[·•・‧]/u;

/**
 * 才让东智, 扎西顿珠, 艾买提·吐尔逊: a name transliterated from Tibetan, Uyghur, Mongolian or
 * Yi starting at `at` — a run of the syllable groups such names are made of
 * (transliterated-name-parts.txt), longest first, maybe joined by a middle dot. Two groups at
 * least, the first of two characters or more (a one-character group first would read a Han
 * surname as one); a one-character group that starts a word of the text (扎西加强…) ends it.
 */
export function transliteratedAt(text: string, at: number): string | undefined {
  const parts = wordList('transliterated-name-parts.txt');
  let i = at;
  const taken: string[] = [];
  while (i < text.length && i - at < 16) {
    if (DOT.test(text[i]!) && taken.length > 0) {
      const next = parts.find((p) => text.startsWith(p, i + 1));
      if (!next) break;
      taken.push(text[i]!);
      i += 1;
      continue;
    }
    const part = parts.find((p) => text.startsWith(p, i) && (taken.length > 0 || p.length >= 2));
    if (!part) break;
    if (part.length === 1 && taken.length > 0 && (cut(text.slice(i, i + 4))[0]?.length ?? 1) > 1) break;
    taken.push(part);
    i += part.length;
  }
  while (taken.length > 0 && DOT.test(taken.at(-1)!)) taken.pop();
  const groups = taken.filter((t) => !DOT.test(t));
  return groups.length >= 2 ? taken.join('') : undefined;
}

/** The transliterated name that ends right before `end` (扎西顿珠说), the longest. */
export function transliteratedBefore(text: string, end: number): string | undefined {
  for (let start = Math.max(0, end - 16); start <= end - 3; start++) {
    if (transliteratedAt(text, start) === text.slice(start, end)) return text.slice(start, end);
  }
  return undefined;
}

/** A name that ends right before `end` (for X说, X表示): the 3-character one, else the 2. */
export function nameBefore(text: string, end: number): string | undefined {
  // 双方劝说: the verb must not be the end of a longer word (劝说).
  let boundary = 0;
  const toks = cut(text.slice(Math.max(0, end - 4), end + 2));
  const cuts = new Set<number>();
  for (const t of toks) cuts.add((boundary += t.length));
  if (!cuts.has(Math.min(4, end))) return undefined;
  for (const len of [3, 2]) {
    const start = end - len;
    if (start < 0) continue;
    const cand = text.slice(start, end);
    // 主任田杰说: the first character finishes a title (主任), so the name is the last two.
    if (len === 3 && titleWords().some((t) => text.slice(Math.max(0, start + 1 - t.length), start + 1) === t)) continue;
    // 陈晓雯发言时表示: a two-character name starts a word (言 ends 发言, so 言时 is no name).
    const rel = Math.min(4, end) - len;
    if (len === 2 && rel > 0 && !cuts.has(rel)) continue;
    if (plausibleName(cand) && (len === 2 || !stops().has(cand[2]!))) {
      // 3 characters only when the character before is not part of a longer word.
      return cand;
    }
  }
  return undefined;
}

/** A name-like string of 2–4 Han characters made only of single-character tokens (才台拉忠). */
export function looseName(s: string): boolean {
  if (s.length < 2 || s.length > 4 || !new RegExp(`^[${HAN}]+$`, 'u').test(s)) return false;
  if ([...s].some((c) => stops().has(c))) return false;
  return words(s).every((w) => w.word.length === 1 || NAME_TAGS.test(w.tag));
}

export const titleWords = () => wordList('name-titles.txt');
export const speechVerbs = () => wordList('speech-verbs.txt');

/**
 * 郝老师, 任叔, 老张: a surname with a form of address (lang/zh/data/address-forms.txt) names the
 * one person in `named` with that surname; with none or several it names nobody.
 */
export function addressedPerson(s: string, named: string[]): string | undefined {
  const forms = wordList('address-forms.txt');
  let surname: string | undefined;
  for (const f of forms) {
    if (s.length > f.length && s.endsWith(f)) surname = s.slice(0, -f.length);
    else if (/^[老小]$/.test(f) && s.startsWith(f) && s.length <= 3) surname = s.slice(1);
    if (surname) break;
  }
  if (!surname || !surnames().has(surname)) return undefined;
  const matches = [...new Set(named.filter((n) => n.startsWith(surname!) && n.length > surname!.length))];
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * A three-character list item that jieba cuts as a word and a character (方子豪 → 方子/豪):
 * inside a list of names (宋佳琪、方子豪被安排) the surname, no stop characters and a boundary
 * after it are enough. Outside a list, plausibleName decides.
 */
export function listItemAt(text: string, at: number): string | undefined {
  const s = text.slice(at, at + 3);
  if (s.length < 3 || !new RegExp(`^[${HAN}]{3}$`, 'u').test(s) || !surnames().has(s[0]!)) return undefined;
  if ([...s.slice(1)].some((c) => stops().has(c)) || notNames().has(s) || notNames().has(s.slice(0, 2))) return undefined;
  const after = text[at + 3] ?? '';
  return after === '' || /[、,，。;；:：!！?？\s”)）等]/u.test(after) || stops().has(after) ? s : undefined;
}

