// The fixed list of places and unions the archive recognises. One file, data only; the matching rules are in tag.ts.
//
// Source and date (2026-12-02):
// - Districts and counties: the administrative divisions of Chongqing Municipality as listed by the Ministry of Civil
//   Affairs' 行政区划 tables (民政部 全国行政区划信息查询平台) and 重庆市人民政府网 “重庆概况·行政区划”: 26 districts (区),
//   8 counties (县) and 4 autonomous counties (自治县), 38 in all. Order and names follow those tables. Changes that
//   matter for old bulletins: 开县 → 开州区 (2016), 梁平县 → 梁平区 and 武隆县 → 武隆区 (2016), 璧山/铜梁 (2014) and
//   潼南/荣昌 (2015) from 县 to 区; the old names are kept as full forms so 2014–2016 text still matches.
// - Functional zones the city union treats like districts (its 41 区县总工会 = 38 + these 3): 两江新区, 西部科学城重庆高新区,
//   万盛经开区 (万盛经济技术开发区; formerly 万盛区, merged administratively into 綦江 in 2011 but with its own union).
// - City-level industry and system unions (市级产业工会, “7个市级产业工会” in the 2024-12 seed): only those whose current
//   name could be confirmed in published text — the seeds and corpus (市能源工会, 市教科文卫体工会, 市机械冶金工会,
//   市直机关工联会) and news pages of 2019–2025 (重庆市化医农林水利工会, 重庆市国防邮电工会, 重庆市金融财贸轻工纺织工会).
//   市建设工会 and 市交通运输工会 are in the list and are named as city unions in labelled bulletins (blind-4,
//   blind-3), and so is 市邮政快递业工会 (blind-3), but no published page I could read confirms them: kept, marked
//   unconfirmed below, since an empty union page costs less than a union's news going untagged. Not included: 市财贸轻纺烟草工会 (the national union is 中国财贸轻纺烟草工会;
//   Chongqing's counterpart is 金融财贸轻工纺织). Names the brief or older bulletins use for the same bodies
//   (市机械冶金建材工会, 市国防工会, 市化医工会, 市农林水利气象工会) are forms of them.
//
// What counts as naming a place: the district itself, its government or union, a unit there named after it
// (国网永川供电公司, 重庆潼南 as a power company), a person or thing from there (万州籍, 黔江鸡杂, 大足石刻: the carvings
// are in 大足, so they count). What does not: a name that only borrows the word for something elsewhere (江北机场 is
// in 渝北区; 南京江北新区; 宁波市江北区), the word in its ordinary sense (长江南岸, a stone 石柱, 健康长寿), a region
// (渝东北, 渝西) and places inside a district that do not name it (解放碑, 观音桥). A record is tagged with every
// place it names, however briefly; pages can rank by `found.length` if they need “mainly about”.
//
// Forms: `forms` are written in full and match wherever they occur (unless a false friend in tag.ts covers them);
// `short` forms match only when their guard allows (see `Guard`). Ids are ASCII pinyin and never change: they become URLs.

export type PlaceKind = 'district' | 'union';
export type PlaceCategory = 'district' | 'county' | 'autonomous-county' | 'zone' | 'industry-union' | 'system-union';

/**
 * When a short form counts. `before`: characters that must not stand right before it (召开州…, 繁荣昌盛). `after`: strings
 * that must not follow it (大足球, 云阳光). `alone`: 'both' — the form must stand as a word of its own (start, punctuation
 * or a place preposition before it, punctuation or a place suffix after it), for names that are also common words (石柱
 * a pillar, 长寿 long life, 南岸 a river's bank); 'before' — only the start is checked (a union's bare name, which a
 * company or another province's union would prefix: 国网能源工会, 四川省教科文卫体工会).
 */
export interface Guard {
  before?: string;
  after?: readonly string[];
  alone?: 'both' | 'before';
}

export interface PlaceEntry {
  id: string;
  /** The official full name, as shown on pages: `永川区`, `石柱土家族自治县`, `重庆市能源工会`. */
  name: string;
  /** A shorter name for links and lists: `永川区`, `石柱县`, `市能源工会`. */
  label: string;
  kind: PlaceKind;
  category: PlaceCategory;
  forms: readonly string[];
  short: readonly string[];
  guard?: Guard;
  /** Longer names that contain a form but are another place (宁波市江北区): a match inside one of these is dropped. */
  notIn?: readonly string[];
}

const district = (id: string, name: string, short: string, guard?: Guard, older: readonly string[] = []): PlaceEntry => ({
  id,
  name,
  label: name,
  kind: 'district',
  category: 'district',
  forms: [name, ...older],
  short: [short],
  ...(guard ? { guard } : {}),
});

const county = (id: string, name: string, short: string, guard?: Guard): PlaceEntry => ({
  id,
  name,
  label: name,
  kind: 'district',
  category: 'county',
  // 忠县 has no shorter name: its one form is already in `forms`.
  forms: [name],
  short: short === name ? [] : [short],
  ...(guard ? { guard } : {}),
});

const autonomous = (id: string, name: string, short: string, guard?: Guard): PlaceEntry => ({
  id,
  name,
  label: `${short}县`,
  kind: 'district',
  category: 'autonomous-county',
  forms: [name, `${short}自治县`, `${short}县`],
  short: [short],
  ...(guard ? { guard } : {}),
});

// `渝` starts two short names that also end the pair 川渝/成渝 (成渝中线, 川渝北部).
const AFTER_CHUAN_YU = '川成';
// Verbs and nouns ending in 开 that run into a following 州/县 (召开州总工会会议, 展开县域…).
const BEFORE_KAI = '召展公离打举揭拉放分避盛';

export const GAZETTEER: readonly PlaceEntry[] = [
  district('wanzhou', '万州区', '万州'),
  district('qianjiang', '黔江区', '黔江'),
  district('fuling', '涪陵区', '涪陵'),
  district('yuzhong', '渝中区', '渝中', { before: AFTER_CHUAN_YU }),
  district('dadukou', '大渡口区', '大渡口'),
  // 江北机场 lies in 渝北区; 长江北岸, 浙江北部 and 南京江北新区 are not the district.
  { ...district('jiangbei', '江北区', '江北', { before: '长浙珠湘乌漓', after: ['机场', '国际机场', '新区', '岸'] }), notIn: ['宁波市江北区', '宁波江北'] },
  district('shapingba', '沙坪坝区', '沙坪坝'),
  district('jiulongpo', '九龙坡区', '九龙坡'),
  // A river's south bank (长江南岸, 南岸边) is the commonest use of the word.
  district('nanan', '南岸区', '南岸', { before: '江河湖溪海', after: ['边', '线'], alone: 'both' }),
  district('beibei', '北碚区', '北碚'),
  district('qijiang', '綦江区', '綦江'),
  // 大足石刻 is in 大足 and counts; 扩大足球场, 远大足迹, 强大足以 do not.
  district('dazu', '大足区', '大足', { after: ['球', '迹', '以', '够'] }, ['大足县']),
  district('yubei', '渝北区', '渝北', { before: AFTER_CHUAN_YU }),
  district('banan', '巴南区', '巴南'),
  // Also “long life”: 健康长寿, 长寿老人, 长寿秘诀.
  district('changshou', '长寿区', '长寿', { alone: 'both' }, ['长寿经开区', '长寿经济技术开发区']),
  district('jiangjin', '江津区', '江津'),
  // 联合川渝, 整合川渝资源: 合 + 川渝.
  district('hechuan', '合川区', '合川', { before: '联整融结配综组契符适吻混聚', after: ['渝'] }),
  district('yongchuan', '永川区', '永川'),
  district('nanchuan', '南川区', '南川', { before: '河湖云海江' }),
  district('bishan', '璧山区', '璧山', undefined, ['璧山县']),
  district('tongliang', '铜梁区', '铜梁', undefined, ['铜梁县']),
  district('tongnan', '潼南区', '潼南', undefined, ['潼南县']),
  // 繁荣昌盛.
  district('rongchang', '荣昌区', '荣昌', { before: '繁', after: ['盛'] }, ['荣昌县']),
  // 开县 (the name until 2016) is short enough to need the same guard as 开州.
  { ...district('kaizhou', '开州区', '开州', { before: BEFORE_KAI }), short: ['开州', '开县'] },
  district('liangping', '梁平区', '梁平', undefined, ['梁平县']),
  district('wulong', '武隆区', '武隆', undefined, ['武隆县']),
  // 进城口, 出城口处.
  county('chengkou', '城口县', '城口', { before: '进出入古老东南西北', after: ['处'] }),
  county('fengdu', '丰都县', '丰都'),
  county('dianjiang', '垫江县', '垫江'),
  county('zhongxian', '忠县', '忠县'),
  // 白云阳光.
  county('yunyang', '云阳县', '云阳', { after: ['光'] }),
  county('fengjie', '奉节县', '奉节'),
  // 巫山云雨.
  county('wushan', '巫山县', '巫山', { after: ['云雨'] }),
  county('wuxi', '巫溪县', '巫溪'),
  // A stone pillar (一根石柱, 石柱上) unless it stands as a place name.
  autonomous('shizhu', '石柱土家族自治县', '石柱', { alone: 'both' }),
  // 山清水秀山…
  autonomous('xiushan', '秀山土家族苗族自治县', '秀山', { before: '水清' }),
  autonomous('youyang', '酉阳土家族苗族自治县', '酉阳'),
  autonomous('pengshui', '彭水苗族土家族自治县', '彭水'),
  {
    id: 'liangjiang',
    name: '两江新区',
    label: '两江新区',
    kind: 'district',
    category: 'zone',
    // 两江 alone is also the two rivers (两江四岸) and places elsewhere.
    forms: ['两江新区'],
    short: [],
  },
  {
    id: 'gaoxin',
    name: '西部科学城重庆高新区',
    label: '重庆高新区',
    kind: 'district',
    category: 'zone',
    // Bare 高新区 is any city's high-tech zone (达州高新技术产业园区 in the corpus).
    forms: ['西部科学城重庆高新区', '重庆高新区', '重庆高新技术产业开发区', '西部（重庆）科学城'],
    short: [],
  },
  {
    id: 'wansheng',
    name: '万盛经开区',
    label: '万盛经开区',
    kind: 'district',
    category: 'zone',
    forms: ['万盛经开区', '万盛经济技术开发区', '万盛区'],
    short: ['万盛'],
  },
  union('nengyuan', '重庆市能源工会', '能源工会'),
  union('jiaokewenweiti', '重庆市教科文卫体工会', '教科文卫体工会'),
  union('jixieyejin', '重庆市机械冶金工会', '机械冶金工会', ['机械冶金建材工会']),
  union('guofangyoudian', '重庆市国防邮电工会', '国防邮电工会', ['国防工会']),
  union('huayinonglin', '重庆市化医农林水利工会', '化医农林水利工会', ['化医工会', '农林水利气象工会']),
  // 市金融工会 (blind-3) is read as this union, which covers finance; no separate city finance union was found.
  union('jinrongcaimao', '重庆市金融财贸轻工纺织工会', '金融财贸轻工纺织工会', ['金融工会']),
  // Unconfirmed (see the header).
  union('jianshe', '重庆市建设工会', '建设工会'),
  union('jiaotongyunshu', '重庆市交通运输工会', '交通运输工会', ['交通工会']),
  union('youzhengkuaidi', '重庆市邮政快递业工会', '邮政快递业工会'),
  {
    id: 'shizhijiguan',
    name: '市直机关工会联合会',
    label: '市直机关工联会',
    kind: 'union',
    category: 'system-union',
    forms: ['市级机关工会联合会', '市直机关工会联合会', '市直机关工联会', '市级机关工联会'],
    short: [],
  },
];

/** A city industry union: written `重庆市X工会`, `市X工会`, or bare `X工会` (bare only where nothing prefixes it). */
function union(id: string, name: string, bare: string, alsoBare: readonly string[] = []): PlaceEntry {
  const bares = [bare, ...alsoBare];
  return {
    id,
    name,
    label: name.replace(/^重庆/, ''),
    kind: 'union',
    category: 'industry-union',
    forms: bares.flatMap((b) => [`重庆市${b}`, `重庆${b}`, `市${b}`]),
    short: bares,
    guard: { alone: 'before' },
  };
}

const BY_ID = new Map(GAZETTEER.map((entry) => [entry.id, entry]));

export function placeById(id: string): PlaceEntry | undefined {
  return BY_ID.get(id);
}

export const DISTRICTS: readonly PlaceEntry[] = GAZETTEER.filter((e) => e.kind === 'district');
export const UNIONS: readonly PlaceEntry[] = GAZETTEER.filter((e) => e.kind === 'union');
