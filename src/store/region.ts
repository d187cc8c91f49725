/**
 * The region of a reporting entity, from its name: 广州市人力资源和社会保障局 → 广东省/广州市,
 * 攀枝花市仁和区人力资源和社会保障局 → 四川省/攀枝花市/仁和区, 广东省财政厅 → 广东省. A small hand-kept
 * list: the 34 provincial-level names and their prefecture-level cities (the capital first). Null when
 * the name says nothing we know.
 */

/** Province (full name) → its short name and its prefecture-level cities (short names, without 市/州/盟/地区). */
const PROVINCES: [string, string, string[]][] = [
  ['北京市', '北京', []],
  ['天津市', '天津', []],
  ['上海市', '上海', []],
  ['重庆市', '重庆', []],
  ['河北省', '河北', ['石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '承德', '沧州', '廊坊', '衡水']],
  ['山西省', '山西', ['太原', '大同', '阳泉', '长治', '晋城', '朔州', '晋中', '运城', '忻州', '临汾', '吕梁']],
  ['内蒙古自治区', '内蒙古', ['呼和浩特', '包头', '乌海', '赤峰', '通辽', '鄂尔多斯', '呼伦贝尔', '巴彦淖尔', '乌兰察布', '兴安', '锡林郭勒', '阿拉善']],
  ['辽宁省', '辽宁', ['沈阳', '大连', '鞍山', '抚顺', '本溪', '丹东', '锦州', '营口', '阜新', '辽阳', '盘锦', '铁岭', '朝阳', '葫芦岛']],
  ['吉林省', '吉林', ['长春', '吉林', '四平', '辽源', '通化', '白山', '松原', '白城', '延边']],
  ['黑龙江省', '黑龙江', ['哈尔滨', '齐齐哈尔', '鸡西', '鹤岗', '双鸭山', '大庆', '伊春', '佳木斯', '七台河', '牡丹江', '黑河', '绥化', '大兴安岭']],
  ['江苏省', '江苏', ['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁']],
  ['浙江省', '浙江', ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州', '丽水']],
  ['安徽省', '安徽', ['合肥', '芜湖', '蚌埠', '淮南', '马鞍山', '淮北', '铜陵', '安庆', '黄山', '滁州', '阜阳', '宿州', '六安', '亳州', '池州', '宣城']],
  ['福建省', '福建', ['福州', '厦门', '莆田', '三明', '泉州', '漳州', '南平', '龙岩', '宁德']],
  ['江西省', '江西', ['南昌', '景德镇', '萍乡', '九江', '新余', '鹰潭', '赣州', '吉安', '宜春', '抚州', '上饶']],
  ['山东省', '山东', ['济南', '青岛', '淄博', '枣庄', '东营', '烟台', '潍坊', '济宁', '泰安', '威海', '日照', '临沂', '德州', '聊城', '滨州', '菏泽']],
  ['河南省', '河南', ['郑州', '开封', '洛阳', '平顶山', '安阳', '鹤壁', '新乡', '焦作', '濮阳', '许昌', '漯河', '三门峡', '南阳', '商丘', '信阳', '周口', '驻马店', '济源']],
  ['湖北省', '湖北', ['武汉', '黄石', '十堰', '宜昌', '襄阳', '鄂州', '荆门', '孝感', '荆州', '黄冈', '咸宁', '随州', '恩施']],
  ['湖南省', '湖南', ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '张家界', '益阳', '郴州', '永州', '怀化', '娄底', '湘西']],
  ['广东省', '广东', ['广州', '深圳', '珠海', '汕头', '佛山', '韶关', '湛江', '肇庆', '江门', '茂名', '惠州', '梅州', '汕尾', '河源', '阳江', '清远', '东莞', '中山', '潮州', '揭阳', '云浮']],
  ['广西壮族自治区', '广西', ['南宁', '柳州', '桂林', '梧州', '北海', '防城港', '钦州', '贵港', '玉林', '百色', '贺州', '河池', '来宾', '崇左']],
  ['海南省', '海南', ['海口', '三亚', '三沙', '儋州']],
  ['四川省', '四川', ['成都', '自贡', '攀枝花', '泸州', '德阳', '绵阳', '广元', '遂宁', '内江', '乐山', '南充', '眉山', '宜宾', '广安', '达州', '雅安', '巴中', '资阳', '阿坝', '甘孜', '凉山']],
  ['贵州省', '贵州', ['贵阳', '六盘水', '遵义', '安顺', '毕节', '铜仁', '黔西南', '黔东南', '黔南']],
  ['云南省', '云南', ['昆明', '曲靖', '玉溪', '保山', '昭通', '丽江', '普洱', '临沧', '楚雄', '红河', '文山', '西双版纳', '大理', '德宏', '怒江', '迪庆']],
  ['西藏自治区', '西藏', ['拉萨', '日喀则', '昌都', '林芝', '山南', '那曲', '阿里']],
  ['陕西省', '陕西', ['西安', '铜川', '宝鸡', '咸阳', '渭南', '延安', '汉中', '榆林', '安康', '商洛']],
  ['甘肃省', '甘肃', ['兰州', '嘉峪关', '金昌', '白银', '天水', '武威', '张掖', '平凉', '酒泉', '庆阳', '定西', '陇南', '临夏', '甘南']],
  ['青海省', '青海', ['西宁', '海东', '海北', '黄南', '海南', '果洛', '玉树', '海西']],
  ['宁夏回族自治区', '宁夏', ['银川', '石嘴山', '吴忠', '固原', '中卫']],
  ['新疆维吾尔自治区', '新疆', ['乌鲁木齐', '克拉玛依', '吐鲁番', '哈密', '昌吉', '博尔塔拉', '巴音郭楞', '阿克苏', '克孜勒苏', '喀什', '和田', '伊犁', '塔城', '阿勒泰']],
  ['台湾省', '台湾', ['台北', '高雄', '台中', '台南']],
  ['香港特别行政区', '香港', []],
  ['澳门特别行政区', '澳门', []],
];

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

const CITY_SUFFIX = '(?:市|地区|自治州|州|盟)';
// Districts and counties after a city: 仁和区, 从化区, 阳朔县 (a county-level 市 is not told from words like 城市).
const COUNTY_RE = /^([\u4e00-\u9fa5]{1,6}?(?:自治县|区|县|旗))/;
/** Words ending in 区/县 that are not places (社区服务中心, 园区管理委员会 …). */
const NOT_PLACE = /^(?:社区|园区|景区|小区|片区|辖区|地区|山区|林区|矿区|库区|湾区|街区|校区|县区|市区|城乡社区)$/;

interface Hit {
  province: string;
  city?: string;
  rest: string;
}

function matchProvince(name: string): Hit | undefined {
  for (const [full, short] of PROVINCES) {
    for (const form of [full, short]) {
      // 内蒙古…, 广西…, 宁夏…: the short forms of autonomous regions are also used; a bare 省 short
      // form (广东人力…) is accepted only when followed by 省 (checked by the full form) or another place word.
      if (name.startsWith(form) && (form === full || /自治区$/.test(full) || /特别行政区$/.test(full))) return { province: full, rest: name.slice(form.length) };
    }
  }
  return undefined;
}

function matchCity(text: string): { province: string; city: string; rest: string } | undefined {
  for (const [full, , cities] of PROVINCES) {
    for (const c of cities) {
      const m = new RegExp(`^${c}${CITY_SUFFIX}`).exec(text);
      if (m) {
        // 延边朝鲜族自治州 and similar: keep the printed name.
        return { province: full, city: m[0], rest: text.slice(m[0].length) };
      }
      const long = new RegExp(`^(${c}[\u4e00-\u9fa5]{1,8}?自治州)`).exec(text);
      if (long) return { province: full, city: long[1]!, rest: text.slice(long[1]!.length) };
    }
  }
  return undefined;
}

/** 广州市人力资源和社会保障局 → '广东省/广州市'; null when no known place starts the name. */
export function regionOf(entity: string): string | null {
  const name = entity.replace(/^\s+|\s+$/g, '').replace(/^中共/, '');
  const parts: string[] = [];
  let rest = name;
  const province = matchProvince(name);
  if (province) {
    parts.push(province.province);
    rest = province.rest;
    if (MUNICIPALITIES.has(province.province)) {
      const county = COUNTY_RE.exec(rest);
      if (county && !NOT_PLACE.test(county[1]!)) parts.push(county[1]!);
      return parts.join('/');
    }
  }
  const city = matchCity(rest);
  if (city && (!province || city.province === province.province)) {
    if (!province) parts.push(city.province);
    parts.push(city.city);
    const county = COUNTY_RE.exec(city.rest);
    // 区/县 after a city name is a place (仁和区); a 市 directly after a city is a county-level city only when short.
    if (county && !NOT_PLACE.test(county[1]!)) parts.push(county[1]!);
  }
  return parts.length > 0 ? parts.join('/') : null;
}

/** The provinces, for filters: full names in the usual order. */
export const PROVINCE_NAMES: readonly string[] = PROVINCES.map(([full]) => full);
