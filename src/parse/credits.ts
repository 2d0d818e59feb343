// Who wrote or photographed a piece: reporter lines (记者 张三 李四, 本报记者…, 通讯员…, 工人日报-中工网记者…),
// author notes (（作者：…）), bare name lines set under a headline, and photo credits (… 摄, …供图). A line that is
// only a credit is a byline; a description that ends in a credit is a photo caption.
import { hanCount } from './chars.js';

/** Role words that introduce names in a credit. */
const ROLE_SOURCE =
  '(?:(?:本报|本刊|全媒体|融媒体|首席|特约|实习|见习|驻站|特派)*(?:记者|通讯员|摄影记者|摄影|编辑|责编|撰稿|供稿|作者|主持人)|文\\/图|图\\/文|文|图|摄)';
/** An outlet before a role (工人日报-中工网记者, 四川工人日报记者): a few characters ending in 报, 网, 台, 社 or 客户端. */
const OUTLET_SOURCE = '(?:[\\p{Script=Han}A-Za-z0-9\\-—－]{1,14}(?:报|网|台|社|客户端|刊))?';
const NAME_SOURCE = '[\\p{Script=Han}·]{2,4}';
const CREDIT_TOKEN_RE = new RegExp(`^(?:${OUTLET_SOURCE}${ROLE_SOURCE}[：:/／]?)?(?:${NAME_SOURCE})?(?:摄|供图|摄影报道)?$`, 'u');
const ROLE_RE = new RegExp(`${ROLE_SOURCE}`, 'u');
const NAME_RE = new RegExp(`^${NAME_SOURCE}$`, 'u');
const CREDIT_MAX_HAN = 60;
/** A photo credit on its own line: 图片由某某提供, 某某区总工会供图. */
const PHOTO_CREDIT_LINE_RE = /^[（(]?(?:图片由[^，。 ]{2,24}提供|[^，。 ]{2,16}供图)[）)]?$/u;
const SENTENCE_MARK_RE = /[。！？；]/u;
const LEAD_MARK_RE = /^[□■▌|｜]\s*/u;
const BRACKETED_RE = /^[（(](.*)[）)]$/u;
const SEPARATORS_RE = /[ 、，,]+/u;

/**
 * Common Chinese surnames, for name lines with no role word (黄仕强, 刘甲平 周坤 农晨迪). A bare name line is
 * short and every word in it must start with one of these, so a column label (渝工建功) or a slogan is not one.
 */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乐匡',
]);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒'];

function isBareName(word: string): boolean {
  const n = hanCount(word);
  if (n !== word.length) return false;
  if (COMPOUND_SURNAMES.some((s) => word.startsWith(s))) return n >= 3 && n <= 4;
  return n >= 2 && n <= 3 && SURNAMES.has(word[0]!);
}

/** The words of a credit line, without its brackets, its leading mark and its trailing 摄. */
function creditWords(text: string): string[] | null {
  let inner = text.trim().replace(LEAD_MARK_RE, '');
  const bracketed = BRACKETED_RE.exec(inner);
  if (bracketed) inner = bracketed[1]!.trim();
  if (inner === '') return null;
  return inner.replace(/\s*摄$/u, ' 摄').split(SEPARATORS_RE).filter((w) => w !== '');
}

/**
 * A line that is only a credit: role words and names (记者 黄瑞 张宸菱 摄, （张翀 通讯员 胡文辉）, □ 本报记者 陈元洪,
 * 工人日报-中工网记者 李娜, （作者：洪志坤）), or bare names under a headline (刘甲平 周坤 农晨迪).
 */
export function isCreditLine(text: string, han = hanCount(text)): boolean {
  if (han > CREDIT_MAX_HAN || SENTENCE_MARK_RE.test(text)) return false;
  if (PHOTO_CREDIT_LINE_RE.test(text)) return true;
  const words = creditWords(text);
  if (words === null || words.length === 0) return false;
  const firstRole = words.findIndex((w, i) => ROLE_RE.test(w) && !(w === '摄' && i === words.length - 1));
  if (firstRole >= 0) {
    // Names before the first role word have no role to vouch for them (张翀 通讯员 …): they must look like names.
    return words.every((w, i) => w === '摄' || (i < firstRole ? isBareName(w) : CREDIT_TOKEN_RE.test(w)));
  }
  const names = words.filter((w) => w !== '摄');
  // 某某 摄 credits a photographer whatever the name; without 摄 the names must look like names.
  if (words.at(-1) === '摄' && names.length > 0 && names.length <= 8) return names.every((w) => NAME_RE.test(w));
  return names.length > 0 && names.length <= 8 && names.every(isBareName) && (names.length > 1 || words.includes('摄') || BRACKETED_RE.test(text.trim()));
}

/** One bare name alone on its line (黄仕强): a byline only where it stands between a headline and its text. */
export function isLoneName(text: string): boolean {
  return isBareName(text.trim());
}

/** The credit a caption ends with: … 摄, …/摄, （… 摄）, …供图, …供图 某某网发, 摄影 某某, 某某 作, 图片由…提供. */
const CAPTION_CREDIT_RE =
  /(?:摄|供图|摄影报道)(?:[/／][^\s，。]{1,10})?[）)]?$|(?:图片|照片)由[^，。]{1,16}提供[）)]?$|(?:摄影|图)[ ：:/／]?[\p{Script=Han}]{2,4}$|供图 ?[\p{Script=Han}A-Za-z0-9]{1,10}发$|[\p{Script=Han}]{2,4} 作$/u;
/** Lines that say they describe a picture. */
const CAPTION_OPENER_RE = /^(?:图为|图片为|上图|下图|左图|右图|组图|图[一二三四五六1-9]?[：:]|▲|△)/u;
const CAPTION_MAX_HAN = 120;
const CREDIT_TAIL_CHARS = 24;
const SENTENCE_END = new Set([...'。！？；']);
/** Every credit form has one of these characters near its end. */
const CREDIT_HINT_RE = /[摄图供提作]/u;

/** A photo caption by its own words: it opens like one (图为…, ▲…) or describes something and ends with a credit. */
export function isCaptionText(text: string, han = hanCount(text)): boolean {
  if (han > CAPTION_MAX_HAN || han === 0) return false;
  if (CAPTION_OPENER_RE.test(text)) return true;
  // A paragraph that merely mentions a photographer ends a sentence first; a caption's credit is its last word.
  if (SENTENCE_END.has(text.at(-1)!)) return false;
  // The credit is the last few characters; testing only those keeps the end-anchored pattern linear.
  const tail = text.slice(-CREDIT_TAIL_CHARS);
  return CREDIT_HINT_RE.test(tail) && CAPTION_CREDIT_RE.test(tail) && !isCreditLine(text, han);
}
