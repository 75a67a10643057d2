import type { OrganizationFact } from '../facts.js';
import type { OrgKind } from '../../model.js';
import { HAN, quoteAround, type ExtractContext } from './context.js';
import { placeNear, type PlaceHit } from './places.js';

/**
 * Organisations: government bodies (县人社局, 市发展改革委), party organs (乡党委, 区委组织部),
 * and companies (…有限公司, …集团). A bare 县/市/区/乡/镇 prefix is resolved to the place meant.
 */
const BODY = `人大常委会|委组织部|委|人社局|供销社|党委|党支部|党工委|发展改革委|发改委|[${HAN}]{0,10}?(?:局|集团|中心|项目办|作风办|督查组|有限公司|公司)`;
// A generic 县/市/区/乡/镇 followed by the body (县人社局, 区城投集团).
const LOCAL = new RegExp(`(县|市|区|乡|镇)(${BODY})`, "gu");
const AFTER_PLACE = new RegExp(`^(${BODY})`, 'u');
const COMPANY = /([\u3400-\u9fff]{4,16}?(?:有限公司|公司))/gu;
const NOT_A_NAME = /^(已|正|在|将|举|各|全|该|本|专业|相关|有关|县直|区直|市直)/;

function kindOf(name: string): OrgKind {
  if (/党委|党支部|党工委|组织部|委$|区委|县委|市委/.test(name)) return 'party';
  if (/人大/.test(name)) return 'legislature';
  if (/公司|集团/.test(name)) return 'enterprise';
  if (/局|办|中心|发展改革委|发改委/.test(name)) return 'government';
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
    const m = AFTER_PLACE.exec(text.slice(p.end, p.end + 16));
    // Companies keep their own wording (浙江万抹…公司 is not 浙江省…); COMPANY finds them.
    if (!m || NOT_A_NAME.test(m[1]!) || /公司$/.test(m[1]!)) continue;
    add(`${p.name}${m[1]}`, text.slice(p.start, p.end + m[1]!.length), p.start, p.end + m[1]!.length, p);
  }
  for (const m of text.matchAll(LOCAL)) {
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
