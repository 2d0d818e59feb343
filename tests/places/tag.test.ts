import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/parse/index.js';
import { DISTRICTS, GAZETTEER, UNIONS, placeById } from '../../src/places/gazetteer.js';
import { tagPlaces, type PlaceMention, type TaggableRecord } from '../../src/places/tag.js';
import { loadTruth } from '../../src/places/accuracy.js';

const root = join(import.meta.dirname, '../..');
const inTitle = (title: string): TaggableRecord => ({ title, kicker: null, subtitle: null, byline: null, body: '', captions: [] });
const idsIn = (text: string) => tagPlaces(inTitle(text)).map((t) => t.id);

describe('the gazetteer', () => {
  it('has the 38 区县 of Chongqing (26 districts, 8 counties, 4 autonomous counties) and the 3 functional zones', () => {
    const count = (category: string) => DISTRICTS.filter((e) => e.category === category).length;
    expect([count('district'), count('county'), count('autonomous-county'), count('zone')]).toEqual([26, 8, 4, 3]);
    expect(DISTRICTS.filter((e) => e.category === 'county').map((e) => e.name)).toEqual(['城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县']);
  });

  it('gives every entry a unique lowercase ASCII id and its full name as a form', () => {
    expect(new Set(GAZETTEER.map((e) => e.id)).size).toBe(GAZETTEER.length);
    for (const entry of GAZETTEER) {
      expect(entry.id).toMatch(/^[a-z]+$/);
      expect(entry.forms.includes(entry.name) || entry.kind === 'union' || entry.category === 'zone').toBe(true);
      expect(placeById(entry.id)).toBe(entry);
    }
    expect(UNIONS.length).toBeGreaterThanOrEqual(7);
  });

  it('never lets two entries share a form', () => {
    const owner = new Map<string, string>();
    for (const entry of GAZETTEER) {
      for (const form of [...entry.forms, ...entry.short]) {
        expect(owner.get(form), form).toBeUndefined();
        owner.set(form, entry.id);
      }
    }
  });

  it('finds every entry by its own full name', () => {
    for (const entry of GAZETTEER) expect(idsIn(`${entry.name}举办活动`), entry.name).toEqual([entry.id]);
  });
});

describe('tagPlaces finds names in full and short', () => {
  it.each([
    ['永川区总工会举办培训', ['yongchuan']],
    ['在永川，职工运动会开幕', ['yongchuan']],
    ['江北区、沙坪坝区、永川区、武隆区、忠县总工会作交流发言', ['jiangbei', 'shapingba', 'yongchuan', 'wulong', 'zhongxian']],
    ['彭水县摩围山景区', ['pengshui']],
    ['石柱县总工会', ['shizhu']],
    ['秀山土家族苗族自治县', ['xiushan']],
    ['在石柱，一场劳模宣讲', ['shizhu']],
    ['在南岸，群团协力', ['nanan']],
    ['长寿经开区化工企业', ['changshou']],
    ['大足石刻景区职工', ['dazu']],
    ['开县总工会（2016年前）', ['kaizhou']],
    ['从广东返乡的万州籍务工人员', ['wanzhou']],
    ['在万盛经开区，重庆冠宇电池', ['wansheng']],
    ['西部科学城重庆高新区总工会', ['gaoxin']],
    ['市能源工会、渝北区总工会联合开展', ['yubei', 'nengyuan']],
    ['重庆市教科文卫体工会主办', ['jiaokewenweiti']],
    ['市机械冶金工会协办', ['jixieyejin']],
    ['市金融工会代表队获得一等奖', ['jinrongcaimao']],
    ['市交通工会在重庆北站开展慰问', ['jiaotongyunshu']],
    ['市直机关工联会以及大型企事业单位', ['shizhijiguan']],
  ])('%s', (text, ids) => {
    expect(idsIn(text)).toEqual(ids);
  });
});

describe('tagPlaces leaves false friends alone', () => {
  it.each([
    ['旅客抵达江北机场', '江北机场 is in 渝北区'],
    ['重庆江北国际机场航站楼', 'the airport again'],
    ['长江南岸的滨江步道', 'a river bank'],
    ['嘉陵江北岸', 'a river bank'],
    ['工人们在南岸边休息', 'a river bank'],
    ['一根石柱上刻着标语', 'a stone pillar'],
    ['祝老人健康长寿', 'long life'],
    ['长寿老人', 'long life'],
    ['扩大足球场地面积', '大 + 足球'],
    ['祝愿祖国繁荣昌盛', '繁荣昌盛'],
    ['黔东南州召开州总工会全委会', '召开 + 州'],
    ['会议召开县级工会主席培训', '召开 + 县'],
    ['联合川渝两地工会', '联合 + 川渝'],
    ['成渝中线高铁建设工地', '成渝 + 中线'],
    ['宁波市江北区总工会', 'Ningbo'],
    ['南京江北新区', 'Nanjing'],
    ['浙江北部城市', '浙江 + 北部'],
    ['白云阳光', '云 + 阳光'],
    ['山清水秀山村美', '秀 + 山村'],
    ['达州高新技术产业园区总工会', 'another city’s high-tech zone'],
    ['两江四岸治理提升', 'the two rivers'],
    ['涪江流域电力行业', 'a river, not 涪陵'],
    ['石龙区总工会', 'Pingdingshan'],
    ['中国国防邮电工会全委会', 'the national union'],
    ['四川省教科文卫体工会', 'another province’s union'],
    ['国网能源工会', 'a company union'],
    ['中国金融工会', 'the national union'],
    ['区交通工会', 'a district union'],
    ['各区县建设工会深入工地', 'district-level unions of a trade'],
    ['全市化医农林水利系统女职工', 'a sector, not the union'],
  ])('%s (%s)', (text) => {
    expect(idsIn(text)).toEqual([]);
  });
});

describe('where each name was found', () => {
  it('keeps the field, the offset and the text, the dateline apart from the body, and the caption by number', () => {
    const tags = tagPlaces({
      kicker: '川渝携手',
      title: '潼南安岳两地工会联合举办招聘会',
      subtitle: null,
      byline: '（作者：王丽，系沙坪坝区总工会干部）',
      body: '綦江网讯（记者 张三）6月28日，潼南区总工会在潼南区人力资源市场举办招聘会。',
      captions: ['招聘会现场', '潼南区总工会供图'],
    });
    expect(tags.map((t) => t.id)).toEqual(['shapingba', 'qijiang', 'tongnan']);
    expect(tags.find((t) => t.id === 'qijiang')!.found).toEqual([{ field: 'dateline', index: 0, text: '綦江' }]);
    expect(tags.find((t) => t.id === 'tongnan')!.found).toEqual([
      { field: 'title', index: 0, text: '潼南' },
      { field: 'body', index: 17, text: '潼南区' },
      { field: 'body', index: 24, text: '潼南区' },
      { field: 'captions', index: 0, text: '潼南区', item: 1 },
    ]);
  });

  it.each([
    ['本报讯（记者 张三）永川区总工会近日举办', 'body', 'body'],
    ['永川网讯（通讯员 李四）近日，永川区总工会举办', 'dateline', 'body'],
    ['新华社重庆3月9日电（记者 王五）永川区总工会', 'body', 'body'],
    ['本报讯通讯员永川摄影报道日前，永川区总工会', 'body', 'body'],
    ['近日，永川区总工会举办培训', 'body', 'body'],
  ])('reads the dateline of %s', (body, first, last) => {
    const found = tagPlaces({ ...inTitle(''), body })[0]!.found;
    expect([found[0]!.field, found.at(-1)!.field]).toEqual([first, last]);
  });

  it('points at the exact text in every labelled record, and gives the same answer twice', () => {
    const text = (r: TaggableRecord, m: PlaceMention) =>
      m.field === 'captions' ? r.captions[m.item!]! : m.field === 'dateline' ? r.body : (r[m.field] ?? '');
    let mentions = 0;
    for (const set of loadTruth(root)) {
      const files = [...new Set(set.records.map((r) => r.file))];
      for (const file of files) {
        const path = join(set.dir, file);
        for (const record of parseBulletin(readFileSync(join(root, path)), path).records) {
          const tags = tagPlaces(record);
          expect(tagPlaces(record)).toEqual(tags);
          for (const tag of tags) {
            for (const m of tag.found) {
              mentions++;
              expect(text(record, m).slice(m.index, m.index + m.text.length)).toBe(m.text);
            }
          }
        }
      }
    }
    expect(mentions).toBeGreaterThan(100);
  });
});
