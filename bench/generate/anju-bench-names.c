/* anju-bench-names.c: surnames by frequency and given-name pools.
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "anju-bench-names.h"

typedef struct
{
  const char *surname;
  guint       per_mille;
} Surname;

/* Approximate shares of the population; what the rows below leave out
 * (about a fifth) is spread over them in proportion by the draw. */
static const Surname surnames[] = {
  { "王", 73 }, { "李", 72 }, { "张", 69 }, { "刘", 54 }, { "陈", 46 }, { "杨", 31 },
  { "黄", 23 }, { "赵", 22 }, { "吴", 20 }, { "周", 20 }, { "徐", 16 }, { "孙", 15 },
  { "马", 15 }, { "朱", 14 }, { "胡", 13 }, { "郭", 12 }, { "何", 12 }, { "林", 11 },
  { "高", 11 }, { "罗", 11 }, { "郑", 10 }, { "梁", 10 }, { "谢", 8 }, { "宋", 8 },
  { "唐", 8 }, { "许", 7 }, { "韩", 7 }, { "邓", 7 }, { "冯", 7 }, { "曹", 7 },
  { "彭", 7 }, { "曾", 6 }, { "肖", 6 }, { "田", 6 }, { "董", 6 }, { "潘", 5 },
  { "袁", 5 }, { "蔡", 5 }, { "蒋", 5 }, { "余", 5 }, { "于", 5 }, { "杜", 5 },
  { "叶", 5 }, { "程", 5 }, { "魏", 4 }, { "苏", 4 }, { "吕", 4 }, { "丁", 4 },
  { "任", 4 }, { "卢", 4 }, { "姚", 4 }, { "沈", 4 }, { "钟", 4 }, { "姜", 4 },
  { "崔", 4 }, { "谭", 4 }, { "陆", 3 }, { "范", 3 }, { "汪", 3 }, { "廖", 3 },
  { "石", 3 }, { "金", 3 }, { "韦", 3 }, { "贾", 3 }, { "夏", 3 }, { "付", 3 },
  { "方", 3 }, { "邹", 3 }, { "熊", 3 }, { "白", 3 }, { "孟", 3 }, { "秦", 3 },
  { "邱", 3 }, { "侯", 2 }, { "江", 2 }, { "尹", 2 }, { "薛", 2 }, { "闫", 2 },
  { "段", 2 }, { "雷", 2 }, { "龙", 2 }, { "黎", 2 }, { "史", 2 }, { "陶", 2 },
  { "贺", 2 }, { "毛", 2 }, { "郝", 2 }, { "顾", 2 }, { "龚", 2 }, { "邵", 2 },
  { "万", 2 }, { "覃", 2 }, { "武", 2 }, { "钱", 2 }, { "戴", 2 }, { "严", 2 },
  { "欧阳", 1 }, { "莫", 1 }, { "孔", 1 }, { "向", 1 }, { "易", 1 }, { "文", 1 },
};

static const char * const male_chars[] = {
  "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏",
  "华", "飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙",
  "林", "阳", "建", "志", "国", "文", "博", "晨", "子", "泽", "轩", "睿", "航", "峰",
  "德", "海", "成", "新", "亮", "洪", "兵", "东", "立", "永", "红", "春", "云", "清",
};

static const char * const female_chars[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "秀", "英", "霞", "燕", "玲", "桂", "兰", "萍",
  "红", "梅", "琳", "婷", "雪", "慧", "莉", "倩", "颖", "洁", "佳", "欣", "怡", "晶",
  "丹", "宁", "蓉", "月", "彤", "琴", "凤", "云", "美", "淑", "珍", "玉", "思", "雨",
  "诗", "涵", "悦", "馨", "可", "语", "嘉", "晓", "春", "华", "小", "文", "子", "梓",
};

static const char *
draw_surname (AnjuBenchRandom *random)
{
  guint weights[G_N_ELEMENTS (surnames)];

  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    weights[i] = surnames[i].per_mille;
  return surnames[anju_bench_random_weighted (random, weights, G_N_ELEMENTS (weights))].surname;
}

char *
anju_bench_name_new (AnjuBenchRandom *random,
                     gboolean         female)
{
  const char * const *pool = female ? female_chars : male_chars;
  guint n = female ? G_N_ELEMENTS (female_chars) : G_N_ELEMENTS (male_chars);
  const char *surname = draw_surname (random);

  /* About a quarter of given names are a single character. */
  if (anju_bench_random_percent (random, 25))
    return g_strconcat (surname, anju_bench_random_pick (random, pool, n), NULL);
  return g_strconcat (surname, anju_bench_random_pick (random, pool, n),
                      anju_bench_random_pick (random, pool, n), NULL);
}
