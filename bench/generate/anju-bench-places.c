/* anju-bench-places.c: districts, toponyms and roads.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-bench-places.h"

static const AnjuBenchDistrict districts[] = {
  { "岳麓区", "430104" }, { "芙蓉区", "430102" }, { "天心区", "430103" },
  { "开福区", "430105" }, { "雨花区", "430111" }, { "望城区", "430112" },
  { "长沙县", "430121" }, { "浏阳市", "430181" }, { "宁乡市", "430182" },
};

static const char * const toponyms[] = {
  "银盆岭", "望月湖", "橘子洲", "岳麓", "咸嘉湖", "望城坡", "观沙岭", "梅溪湖", "麓谷",
  "坪塘", "含浦", "天顶", "洋湖", "学士", "东方红", "莲花", "雨敞坪", "西湖", "定王台",
  "文艺路", "朝阳", "韭菜园", "湘湖", "火星", "马王堆", "东湖", "东岸", "坡子街", "城南路",
  "裕南街", "金盆岭", "新开铺", "桂花坪", "赤岭路", "先锋", "黑石铺", "大托", "暮云",
  "南托", "青园", "望月", "东风路", "清水塘", "湘雅路", "望麓园", "伍家岭", "新河",
  "四方坪", "洪山", "月湖", "捞刀河", "秀峰", "浏阳河", "沙坪", "侯家塘", "左家塘",
  "砂子塘", "东塘", "雨花亭", "高桥", "圭塘", "井湾子", "洞井", "黎托", "同升", "跳马",
  "高塘岭", "大泽湖", "月亮岛", "金山桥", "乌山", "白沙洲", "星城", "湘龙", "泉塘",
  "星沙", "榔梨", "黄兴", "安沙", "果园", "集里", "淮川", "荷花", "关口", "玉潭",
  "城郊", "白马桥", "历经铺", "金洲", "煤炭坝", "双江口", "道林", "花明楼", "灰汤",
};

static const char * const ordinals[] = {
  "", "二", "三", "四", "五", "六", "七", "八", "九", "十",
  "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
};

static const char * const roads[] = {
  "麓山南路", "枫林一路", "枫林二路", "桐梓坡路", "岳麓大道", "金星中路", "银盆南路",
  "潇湘中路", "阜埠河路", "桃子湖路", "咸嘉湖路", "望岳路", "梅溪湖路", "雷锋大道",
  "含浦大道", "坪塘大道", "五一大道", "芙蓉中路", "解放西路", "人民中路", "韶山北路",
  "劳动西路", "湘府中路", "芙蓉南路", "万家丽中路", "东二环", "车站北路", "黄兴中路",
  "中山路", "营盘路", "湘江中路", "开福寺路", "三一大道", "星沙大道", "金阳大道",
  "玉潭中路", "新康路", "黄金大道", "月亮岛路", "高塘岭大道",
};

const AnjuBenchDistrict *
anju_bench_districts (guint *n_districts)
{
  *n_districts = G_N_ELEMENTS (districts);
  return districts;
}

char *
anju_bench_toponym (guint n)
{
  guint round = n / G_N_ELEMENTS (toponyms);
  const char *base = toponyms[n % G_N_ELEMENTS (toponyms)];

  if (round < G_N_ELEMENTS (ordinals))
    return g_strconcat (base, ordinals[round], NULL);
  return g_strdup_printf ("%s%u", base, round + 1);
}

const char *
anju_bench_road (AnjuBenchRandom *random)
{
  return anju_bench_random_pick (random, roads, G_N_ELEMENTS (roads));
}
