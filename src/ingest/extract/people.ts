import type { PersonFact } from '../facts.js';
import { words } from '../segment.js';
import { HAN, quoteAround, type ExtractContext } from './context.js';
import { placeNear, type PlaceHit } from './places.js';

/**
 * People: a name right after a title or role word (乡党委书记段富章, 年轻干部汪颖,
 * “老把式”鲁义民) or before a verb of speech (丁良伟坦言), checked against common surnames.
 * Names found once are then found wherever else they occur.
 */
export interface PersonHit {
  name: string;
  title?: string;
  start: number;
  end: number;
  place?: PlaceHit;
}

// The ~130 most frequent Chinese surnames (single-character), as data.
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(''),
);
// Characters that end a name rather than continue it (汪颖干劲 → 汪颖).
const NAME_STOP = new Set('一二三四五六七八九十的说在是和与对等带把被将为从向也都已正坦感表介指认称同主现今去来干曾经到就还把让给用以及、，,。'.split(''));
const TITLES =
  '副书记|党组书记|书记助理|书记|副主任|主任|副局长|局长|县长|市长|区长|镇长|乡长|副部长|部长|科长|干部|专员|委员|主席|总经理|董事长|校长|队长|组长|站长|所长|负责人|选调生|小伙|老把式”|学员|导师|村民|党员|院长|经理';
const AFTER_TITLE = new RegExp(`(${TITLES})([${HAN}]{2,3})`, 'gu');
const BEFORE_SPEECH = new RegExp(`([${HAN}]{2,3})(坦言|感慨道|感慨|介绍|表示|说道|说:|说：|告诉记者)`, 'gu');

function trimName(raw: string): string | undefined {
  if (!SURNAMES.has(raw[0]!)) return undefined;
  let name = raw.slice(0, 3);
  if (name.length === 3 && NAME_STOP.has(name[2]!)) name = name.slice(0, 2);
  if (name.length < 2 || [...name].some((c) => NAME_STOP.has(c))) return undefined;
  // An ordinary word that happens to start with a surname (成长, 陆续进, 高新) is not a name.
  const first = words(name)[0]!;
  if (first.word.length >= 2 && !/^(nr|x)/.test(first.tag)) return undefined;
  return name;
}

/** The title is the clause before the name, back to punctuation (市发展改革委党组书记、主任). */
function titleBefore(text: string, at: number): string | undefined {
  let a = at;
  while (a > 0 && !/[,，。;；:：!?！？\s(（]/.test(text[a - 1]!) && at - a < 20) a--;
  const t = text.slice(a, at).replace(/^(在|由|据|经|让|是|将|对|向|和|与)/, '').replace(/的$/, '');
  return t.length >= 2 ? t : undefined;
}

export function extractPeople(ctx: ExtractContext, places: PlaceHit[], main: PlaceHit | undefined, exclude: Set<string>): PersonHit[] {
  const { text } = ctx;
  const found = new Map<string, PersonHit>();
  for (const m of text.matchAll(AFTER_TITLE)) {
    const name = trimName(m[2]!);
    if (!name || exclude.has(name)) continue;
    const start = m.index! + m[1]!.length;
    if (!found.has(name)) found.set(name, { name, title: titleBefore(text, start), start, end: start + name.length });
  }
  for (const m of text.matchAll(BEFORE_SPEECH)) {
    // Take the name ending right before the verb: the last 3 (or 2) characters.
    const raw = m[1]!;
    for (const len of [3, 2]) {
      const cand = raw.slice(-len);
      const name = trimName(cand);
      if (name && name.length === len && !exclude.has(name) && !found.has(name)) {
        const start = m.index! + raw.length - len;
        found.set(name, { name, title: titleBefore(text, start), start, end: start + len });
        break;
      }
    }
  }
  for (const p of found.values()) p.place = placeNear(ctx, places, p.start, main);
  return [...found.values()].sort((a, b) => a.start - b.start);
}

export function personFacts(ctx: ExtractContext, hits: PersonHit[], roles: Map<string, Set<string>>): PersonFact[] {
  return hits
    .filter((h) => h.place)
    .map((h) => ({
      name: h.name,
      title: h.title,
      place: h.place!.name,
      roles: [...(roles.get(h.name) ?? [])],
      initiatives: [],
      evidence: quoteAround(ctx, h.start, h.end),
    }));
}
