import type { OrganizationFact } from '../facts.js';
import type { OrgKind } from '../../model.js';
import { orderedPairs } from '../../lang/zh/lexicon.js';
import { HAN } from '../../lang/zh/script.js';
import { quoteAround, type ExtractContext } from './context.js';
import { placeNear, type PlaceHit } from './places.js';

/**
 * Organisations: government bodies (县人社局, 市发展改革委), party organs (乡党委, 区委组织部),
 * and companies (…有限公司, …集团). A bare 县/市/区/乡/镇 prefix is resolved to the place meant.
 */
const words = (key: string) => orderedPairs('org-bodies.txt').filter(([k]) => k === key).flatMap(([, w]) => w.split(/\s+/));
let res: { local: RegExp; afterPlace: RegExp; kinds: Array<[OrgKind, RegExp]> } | undefined;
function patterns() {
  if (res) return res;
  const body = `${words('whole').join('|')}|[${HAN}]{0,10}?(?:${words('suffix').sort((a, b) => b.length - a.length).join('|')})`;
  res = {
    // A generic 县/市/区/乡/镇 followed by the body (县人社局, 区城投集团).
    local: new RegExp(`(县|市|区|乡|镇)(${body})`, 'gu'),
    afterPlace: new RegExp(`^(${body})`, 'u'),
    kinds: (['party', 'legislature', 'enterprise', 'government'] as OrgKind[]).map((k) => [k, new RegExp(words(k).join('|'), 'u')]),
  };
  return res;
}
const COMPANY = /([\u3400-\u9fff]{4,16}?(?:有限公司|公司))/gu;
const NOT_A_NAME = /^(已|正|在|将|举|各|全|该|本|专业|相关|有关|县直|区直|市直)/;

function kindOf(name: string): OrgKind {
  for (const [kind, re] of patterns().kinds) if (re.test(name)) return kind;
  return 'other';
}

export function extractOrganizations(ctx: ExtractContext, places: PlaceHit[], main?: PlaceHit): OrganizationFact[] {
  const { text } = ctx;
  const out = new Map<string, OrganizationFact>();
  const add = (name: string, alias: string | undefined, start: number, end: number, place?: PlaceHit) => {
    if (name.length < 3) return;
    const f = out.get(name);
    if (f) {
      if (alias && alias !== name && !f.aliases.includes(alias)) f.aliases.push(alias);
      return;
    }
    out.set(name, { name, kind: kindOf(name), place: place?.name, aliases: alias && alias !== name ? [alias] : [], evidence: quoteAround(ctx, start, end) });
  };
  // A place the article names, directly followed by an organisation word.
  for (const p of places) {
    const m = patterns().afterPlace.exec(text.slice(p.end, p.end + 16));
    // Companies keep their own wording (浙江万抹…公司 is not 浙江省…); COMPANY finds them.
    if (!m || NOT_A_NAME.test(m[1]!) || /公司$/.test(m[1]!)) continue;
    add(`${p.name}${m[1]}`, text.slice(p.start, p.end + m[1]!.length), p.start, p.end + m[1]!.length, p);
  }
  for (const m of text.matchAll(patterns().local)) {
    const [whole, prefix, body] = m as unknown as [string, string, string];
    const start = m.index!;
    if (NOT_A_NAME.test(body) || /[\u3400-\u9fff]/.test(text[start - 1] ?? '') && !/[在与和及的、]/.test(text[start - 1]!)) continue;
    // 县人社局 in an article about 孝昌县 is 孝昌县人社局.
    const place = placeNear(ctx, places, start, main);
    if (!place || !(place.name.endsWith(prefix) || (prefix === '市' && place.level === 'prefecture'))) continue;
    add(`${place.name}${body}`, whole, start, start + whole.length, place);
  }
  for (const m of text.matchAll(COMPANY)) {
    let name = m[1]!;
    const cut = Math.max(...['与', '同', '在', '携手', '和', '正', '、'].map((w) => name.lastIndexOf(w) + (name.lastIndexOf(w) >= 0 ? w.length : 0)));
    if (cut > 0) name = name.slice(cut);
    const start = m.index! + m[1]!.length - name.length;
    if (name.length < 4 || NOT_A_NAME.test(name)) continue;
    add(name, undefined, start, start + name.length, placeNear(ctx, places, start, main));
  }
  return [...out.values()];
}
