/**
 * Seeded synthetic copypasta for the near-duplicate benchmark: families of edited copies of one base text in
 * English, Russian or Chinese (1–3 character typos, swapped adjacent words, appended hashtags, Cyrillic homoglyphs
 * in English words, retweet prefixes and links that normalization strips), mixed with unrelated noise texts in
 * the same languages (a few of them too short to compare). Words are drawn from a Zipf-like (≈ 1/rank) vocabulary
 * with the function words first, so unrelated texts share common words and shingles the way real posts do.
 *
 * Streaming: {@link copypastaTexts} yields one text at a time (family bases are cached, ≈ 1 per 40 texts), so 10⁶
 * texts need no corpus in memory. Same options → same texts.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

import seedrandom from 'seedrandom';
import wordListPath from 'word-list';

/** Options of the generator. */
export interface CopypastaOptions {
  /** Texts to produce (integer ≥ 1). */
  texts: number;
  /** Seed of every random choice. */
  seed: number;
  /** Share of texts that belong to a family (default 0.5); the rest are unrelated noise. */
  familyShare: number;
  /** Mean family size (default 20); family popularity is skewed (family f drawn as ⌊F·u²⌋). */
  meanFamilySize: number;
}

/** Defaults of {@link CopypastaOptions} (without `texts`). */
export const COPYPASTA_DEFAULTS = { seed: 7, familyShare: 0.5, meanFamilySize: 20 } as const;

/** One generated text with its ground truth. */
export interface CopypastaText {
  id: number;
  text: string;
  /** Family id (≥ 0), or −1 for noise. */
  family: number;
  language: Language;
}

export type Language = 'en' | 'ru' | 'zh';

type Rng = () => number;

const EN_FUNCTION_WORDS =
  'the to and a of is in that it for you this on be are with was not have they we but just so what if all at can do will about people from my as your like no one or there get how now know more me he up by out who think time would should why has when them than their our been his an were only want make see because need going even good right still go said much did back any then also way'.split(
    ' ',
  );
const RU_WORDS =
  'и в не на что я с он как это по но они все так его к же у вы за бы мы от ты из о только ее мне было вот меня еще нет уже ну ли если да когда даже до вас них будет там потом себя ничего может надо кто чтобы под где здесь есть быть был сейчас тоже тут очень люди народ власть страна выборы правда новости война мир город деньги время год день жизнь дом работа дело вопрос закон суд президент правительство партия голос голосование украли честные свобода права россия украина москва журналисты телевизор врут смотрите читайте поделитесь срочно важно завтра вчера сегодня снова опять против вместе каждый должен знать помните друзья граждане соседи пенсия цены налоги врачи школа дети семья будущее протест митинг площадь полиция задержали бюллетени участки подсчет комиссия наблюдатели видео фото доказательства'.split(
    ' ',
  );
const ZH_CHARS = Array.from(
  '的一是不了人我在有他这中大来上个国到说们为子和你地出会也时要就可以对生能而那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码赫婆魂灾洪腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸仰润堆碰艇稍迟辆废净凶署壁御奉旋冬矿抬蛋晨伏吹鸡倍糊秦盾杯租骑乏隆诊奴摄丧污渡旗甘耐凭扎抢绪粗肩梁幻菲皆碎宙叔岩荡综爬荷悉蒂返井壮薄悄扫敏碍殖详迪矛霍允幅撒剩凯颗骂赏液番箱贴漫酸郎腰舒眉忧浮辛恋餐吓挺励辞艘键伍峰尺昨黎辈贯侦滑券崇扰宪绕趋慈乔阅汗枝拖墨胁插箭腊粉泥氏彭拔骗凤慧媒佩愤扑龄驱惜豪掩兼跃尸肃帕驶堡届欣惠册储飘桑闲惨洁踪勃宾频仇磨递邪撞拟滚奏巡颜剂绩贡疯坡瞧截燃焦殿伪柳锁逼颇昏劝呈搜勤戒驾漂饮曹朵仔柔俩孟腐幼践籍牧凉牲佳娜浓芳稿竹腹跌逻垂遵脉貌柏狱猜怜惑陶兽帐饰贷昌叙躺钢沟寄扶铺邓寿惧询汤盗肥尝匆辉奈扣廷澳嘛董迁凝慰厌脏腾幽怨鞋丢埋泉涌辖躲晋紫艰魏吾慌祝邮吐狠鉴曰械咬邻赤挤弯椅陪割揭韦悟聪雾锋梯猫祥阔誉筹丛牵鸣沈阁穆屈旨袖猎臂蛇贺柱抛鼠瑟戈牢逊迈欺吨琴衰瓶恼燕仲诱狼池疼卢仗冠粒遥吕玄尘冯抚浅敦纠钻晶岂峡苍喷耗凌敲菌赔涂粹扁亏寂煤熊恭湿循暖糖赋抑秩帽哀宿踏烂袁侯抖夹昆肝擦猪炼恒慎搬纽纹玻渔磁铜齿跨押怖漠疲叛遣兹祭醉拳弥斜档稀捷肤疫肿豆削岗晃吞宏癌肚隶履涨耀扭坛拨沃绘伐堪仆郭牺歼墓雇廉契拼惩捉覆刷劫嫌瓜歇雕闷乳串娃缴唤赢莲霸桃妥瘦搭赴岳嘉舱俊址庞耕锐缝悔邀玲惟斥宅添挖呵讼氧浩羽斤酷掠妖祸侍乙妨贪挣汪尿莉悬唇翰仓轨枚盐览傅帅庙芬屏寺胖璃愚滴疏萧姿颤丑劣柯寸扔盯辱匹俱辨饿蜂哦腔郁溃谨糟葛苗肠忌溜鸿爵鹏鹰笼丘桂滋聊挡纲肌茨壳痕碗穴膀卓贤卧膜毅锦欠哩函茫昂薛皱夸豫胃舌剥傲拾窝睁携陵哼棉晴铃填饲渴吻扮逆脆喘罩卜炉柴愉绳胎蓄眠竭喂傻慕浑奸扇柜悦拦诞饱乾泡贼亭夕爹酬儒姻卵氛泄杆挨僧蜜吟猩遂狭肖甜霞驳裕顽於摘矮秒卿畜咽披辅勾盆疆赌塑畏吵囊嗯泊肺骤缠冈羞瞪吊贾漏斑涛悠鹿俘锡卑葬铭滩嫁催璇翅盒蛮矣潘歧赐鲍锅廊拆灌勉盲宰佐啥胀扯禧辽抹筒棋裤唉朴咐孕誓喉妄拘链驰栏逝窃艳臭纤玑棵趁匠盈翁愁瞬婴孝颈倘浙谅蔽畅赠妮莎尉冻跪闯葡後厨鸭颠遮谊圳吁仑辟瘤嫂陀框谭亨钦庸歉芝吼甫衫摊宴嘱衷娇陕矩浦讶耸裸碧摧薪淋耻胶屠鹅饥盼脖虹翠崩账萍逢赚撑翔倡绵猴枯巫昭怔渊凑溪蠢禅阐旺寓藤匪伞碑挪琼脂谎慨菩萄狮掘抄岭晕逮砍掏狄晰罕挽脾舟痴蔡剪脊弓懒叉拐喃僚捐姊骚拓歪粘柄坑陌窄湘兆崖骄刹鞭芒筋聘钩棍嚷腺弦焰耍俯厘愣厦恳饶钉寡憾摔叠惹喻谱愧煌徽溶坠煞巾滥洒堵瓷咒姨棒郡浴媚稣淮哎屁漆淫巢吩撰啸滞玫硕钓蝶膝姚茂躯吏猿寨恕渠戚辰舶颁惶狐讽笨袍嘲啡泼衔倦涵雀旬僵撕肢垄夷逸茅侨舆窑涅蒲谦杭噢弊勋刮郊凄捧浸砖鼎篮蒸饼亩肾陡爪兔殷贞荐哑炭坟眨搏咳拢舅昧擅爽咖搁禄雌哨巩绢螺裹昔轩谬谍龟媳姜瞎冤鸦蓬巷琳栽沾诈斋瞒彪厄咨纺罐桶壤糕颂膨谐垒咕隙辣绑宠嘿兑霉挫稽辐乞纱裙嘻哇绣杖塘衍轴攀膊譬斌祈踢肆坎轿棚泣屡躁邱凰溢椎砸趟帘帆栖窜丸斩堤塌贩厢掀喀乖谜捏阎滨虏匙芦苹卸沼钥株祷剖熙哗劈怯棠胳桩瑰娱娶沫嗓蹲焚淘嫩韵衬匈钧竖峻豹捞菊鄙魄兜哄颖镑屑蚁壶怡渗秃迦旱哟咸焉谴宛稻铸锻伽詹毙恍贬烛骇芯汁桓坊驴朽靖佣汝碌迄冀荆崔雁绅珊榜诵傍彦醇笛禽勿娟瞄幢寇睹贿踩霆呜拱妃蔑谕缚诡篷淹腕煮倩卒勘馨逗甸贱炒灿敞蜡囚栗辜垫妒魁谣寞蜀甩涯枕丐泳奎泌逾叮黛燥掷藉枢憎鲸弘倚侮藩拂鹤蚀浆芙垃烤晒霜剿蕴圾绸屿氢驼妆捆铅逛淑榴丙痒钞蹄犬躬昼藻蛛褐颊奠募耽蹈陋侣魅岚侄虐堕陛莹荫狡阀绞膏垮茎缅喇绒搅凳梭丫姬诏钮棺耿缔懈嫉灶匀嗣鸽澡凿纬沸畴刃遏烁嗅叭熬瞥骸奢拙栋毯桐砂莽泻坪梳杉晤稚蔬蝇捣顷麽尴镖诧尬硫嚼羡沦沪旷彬芽狸冥碳咧惕暑咯萝汹腥窥俺潭崎麟捡拯厥澄萎哉涡滔暇溯鳞酿茵愕瞅暮衙诫斧兮焕棕佑嘶妓喧蓉删樱伺嗡娥梢坝蚕敷澜杏绥冶庇挠搂倏聂婉噪稼鳍菱盏匿吱寝揽髓秉哺矢啪帜邵嗽挟缸揉腻驯缆晌瘫贮觅朦僻隋蔓咋嵌虔畔琐碟涩胧嘟蹦冢浏裔襟叨诀旭虾簿啤擒枣嘎苑牟呕骆凸熄兀喔裳凹赎屯膛浇灼裘砰棘橡碱聋姥瑜毋娅沮萌俏黯撇粟粪尹苟癫蚂禹廖俭帖煎缕窦簇棱叩呐瑶墅莺烫蛙歹伶葱哮眩坤廓讳啼乍瓣矫跋枉梗厕琢讥釉窟敛轼庐胚呻绰扼懿炯竿慷虞锤栓桨蚊磅孽惭戳禀鄂馈垣溅咚钙礁彰豁眯磷雯墟迂瞻颅琉悼蝴拣渺眷悯汰慑婶斐嘘镶炕宦趴绷窘襄珀嚣拚酌浊毓撼嗜扛峭磕翘槽淌栅颓熏瑛颐忖',
);
const HASHTAGS: Record<Language, readonly string[]> = {
  en: ['#stopthesteal', '#truth', '#wakeup', '#election2024', '#fraud', '#sharethis', '#breaking'],
  ru: ['#выборы', '#правда', '#россия', '#срочно', '#фальсификация'],
  zh: ['#真相', '#选举', '#转发', '#突发'],
};
const RU_ALPHABET = Array.from('абвгдежзийклмнопрстуфхцчшщыьэюя');
const EN_ALPHABET = Array.from('abcdefghijklmnopqrstuvwxyz');
/** Latin letters and their Cyrillic look-alikes (what spoofers swap in). */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
};

let englishVocabulary: string[] | undefined;

/** Function words first, then 4,000 content words (3–9 letters) drawn from `word-list` with a fixed seed. */
function englishWords(): string[] {
  if (englishVocabulary !== undefined) return englishVocabulary;
  const all = readFileSync(wordListPath, 'utf8')
    .split('\n')
    .filter((w) => /^[a-z]{3,9}$/.test(w));
  const rng = seedrandom.alea('english-vocabulary');
  const picked = new Set<string>(EN_FUNCTION_WORDS);
  while (picked.size < EN_FUNCTION_WORDS.length + 4000) picked.add(all[Math.floor(rng() * all.length)]!);
  englishVocabulary = [...picked];
  return englishVocabulary;
}

/** An index in [0, n) with P(i) ∝ 1/(i + 1) (log-uniform rank). */
function zipfIndex(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rng() * Math.log(n + 1))) - 1);
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Random words of one language: English and Russian are word lists; Chinese "words" are 1–2 characters. */
function randomWords(rng: Rng, language: Language, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (language === 'en') out.push(englishWords()[zipfIndex(rng, englishWords().length)]!);
    else if (language === 'ru') out.push(RU_WORDS[zipfIndex(rng, RU_WORDS.length)]!);
    else {
      const length = rng() < 0.6 ? 2 : 1;
      let word = '';
      for (let j = 0; j < length; j++) word += ZH_CHARS[zipfIndex(rng, ZH_CHARS.length)]!;
      out.push(word);
    }
  }
  return out;
}

/** Join words as the language writes them (Chinese without spaces, with a comma now and then). */
function render(words: readonly string[], language: Language): string {
  if (language !== 'zh') return words.join(' ');
  return words.map((w, i) => (i > 0 && i % 7 === 0 ? `，${w}` : w)).join('');
}

function chooseLanguage(rng: Rng): Language {
  const u = rng();
  return u < 0.5 ? 'en' : u < 0.75 ? 'ru' : 'zh';
}

interface FamilyBase {
  language: Language;
  words: string[];
}

/** The base text of family `f`: its own seeded stream, so it does not depend on generation order. */
function familyBase(seed: number, f: number): FamilyBase {
  const rng = seedrandom.alea(`${seed}:family:${f}`);
  const language = chooseLanguage(rng);
  const count = language === 'zh' ? 14 + Math.floor(rng() * 16) : 12 + Math.floor(rng() * 18);
  return { language, words: randomWords(rng, language, count) };
}

/** Replace, drop, insert or transpose one character inside a random word. */
function typo(rng: Rng, words: string[], language: Language): void {
  const w = Math.floor(rng() * words.length);
  const chars = Array.from(words[w]!);
  const at = Math.floor(rng() * chars.length);
  const letter = (): string =>
    language === 'en'
      ? pick(rng, EN_ALPHABET)
      : language === 'ru'
        ? pick(rng, RU_ALPHABET)
        : pick(rng, ZH_CHARS);
  const kind = rng();
  if (kind < 0.4) chars[at] = letter();
  else if (kind < 0.6 && chars.length > 1) chars.splice(at, 1);
  else if (kind < 0.8) chars.splice(at, 0, letter());
  else if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  words[w] = chars.join('');
}

/** Swap Latin letters for Cyrillic look-alikes in 1–3 places. */
function homoglyphs(rng: Rng, words: string[]): void {
  for (let n = 1 + Math.floor(rng() * 3); n > 0; n--) {
    const w = Math.floor(rng() * words.length);
    words[w] = Array.from(words[w]!)
      .map((ch) => (HOMOGLYPHS[ch] !== undefined && rng() < 0.5 ? HOMOGLYPHS[ch] : ch))
      .join('');
  }
}

/** One edited copy of a family base. */
function copyOf(rng: Rng, base: FamilyBase): string {
  const words = [...base.words];
  const { language } = base;
  if (rng() >= 0.15) {
    for (let n = 1 + Math.floor(rng() * 3); n > 0; n--) if (rng() < 0.7) typo(rng, words, language);
    if (rng() < 0.3) {
      const i = Math.floor(rng() * (words.length - 1));
      [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
    }
    if (language === 'en' && rng() < 0.15) homoglyphs(rng, words);
  }
  let text = render(words, language);
  if (rng() < 0.4) text += ` ${pick(rng, HASHTAGS[language])}`;
  if (rng() < 0.2) text += ` ${pick(rng, HASHTAGS[language])}`;
  if (rng() < 0.2) text = `RT @user${Math.floor(rng() * 1000)}: ${text}`;
  if (rng() < 0.2) text += ` https://t.co/${Math.floor(rng() * 1e9).toString(36)}`;
  return text;
}

/** One unrelated text; 5 % are two or three words (too short to compare). */
function noiseText(rng: Rng): { text: string; language: Language } {
  const language = chooseLanguage(rng);
  const count = rng() < 0.05 ? 2 + Math.floor(rng() * 2) : 6 + Math.floor(rng() * 30);
  return { text: render(randomWords(rng, language, count), language), language };
}

/**
 * Stream the texts: text i belongs to a family with probability `familyShare`; family f = ⌊F·u²⌋ with
 * F = texts·familyShare / meanFamilySize (a skewed popularity: the largest families have thousands of copies at
 * 10⁶ texts).
 * @param options `texts` plus partial {@link CopypastaOptions}
 * @returns a fresh iterable of `{ id: i, text, family, language }`
 */
export function* copypastaTexts(
  options: Partial<CopypastaOptions> & { texts: number },
): Generator<CopypastaText, void, undefined> {
  const { texts, seed, familyShare, meanFamilySize } = { ...COPYPASTA_DEFAULTS, ...options };
  const families = Math.max(1, Math.round((texts * familyShare) / meanFamilySize));
  const rng = seedrandom.alea(`${seed}:texts`);
  const bases = new Map<number, FamilyBase>();
  for (let id = 0; id < texts; id++) {
    if (rng() < familyShare) {
      const f = Math.floor(families * rng() ** 2);
      let base = bases.get(f);
      if (base === undefined) {
        base = familyBase(seed, f);
        bases.set(f, base);
      }
      yield { id, text: copyOf(rng, base), family: f, language: base.language };
    } else {
      const noise = noiseText(rng);
      yield { id, text: noise.text, family: -1, language: noise.language };
    }
  }
}

/**
 * Generate a whole corpus in memory (for the quality run on 10⁴ texts).
 * @returns the texts (ids 0 … n − 1) and the family of each (−1 = noise)
 */
export function generateCopypasta(options: Partial<CopypastaOptions> & { texts: number }): {
  texts: { id: number; text: string }[];
  family: Int32Array;
} {
  const texts: { id: number; text: string }[] = [];
  const family = new Int32Array(options.texts);
  for (const t of copypastaTexts(options)) {
    texts.push({ id: t.id, text: t.text });
    family[t.id] = t.family;
  }
  return { texts, family };
}
