/* anju-nation.c
 *
 * Copyright 2026 The Anju authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "anju-nation.h"

typedef struct
{
  const char *code;
  const char *key;
  const char *name;
  const char *card_name;
} Nation;

/* In code order, so that the code is the index plus one. */
static const Nation nations[] = {
  { "01", "han", "汉族", "汉" },
  { "02", "mongol", "蒙古族", "蒙古" },
  { "03", "hui", "回族", "回" },
  { "04", "zang", "藏族", "藏" },
  { "05", "uygur", "维吾尔族", "维吾尔" },
  { "06", "miao", "苗族", "苗" },
  { "07", "yi", "彝族", "彝" },
  { "08", "zhuang", "壮族", "壮" },
  { "09", "buyei", "布依族", "布依" },
  { "10", "chosen", "朝鲜族", "朝鲜" },
  { "11", "man", "满族", "满" },
  { "12", "dong", "侗族", "侗" },
  { "13", "yao", "瑶族", "瑶" },
  { "14", "bai", "白族", "白" },
  { "15", "tujia", "土家族", "土家" },
  { "16", "hani", "哈尼族", "哈尼" },
  { "17", "kazak", "哈萨克族", "哈萨克" },
  { "18", "dai", "傣族", "傣" },
  { "19", "li", "黎族", "黎" },
  { "20", "lisu", "傈僳族", "傈僳" },
  { "21", "va", "佤族", "佤" },
  { "22", "she", "畲族", "畲" },
  { "23", "gaoshan", "高山族", "高山" },
  { "24", "lahu", "拉祜族", "拉祜" },
  { "25", "sui", "水族", "水" },
  { "26", "dongxiang", "东乡族", "东乡" },
  { "27", "naxi", "纳西族", "纳西" },
  { "28", "jingpo", "景颇族", "景颇" },
  { "29", "kirgiz", "柯尔克孜族", "柯尔克孜" },
  { "30", "tu", "土族", "土" },
  { "31", "daur", "达斡尔族", "达斡尔" },
  { "32", "mulao", "仫佬族", "仫佬" },
  { "33", "qiang", "羌族", "羌" },
  { "34", "blang", "布朗族", "布朗" },
  { "35", "salar", "撒拉族", "撒拉" },
  { "36", "maonan", "毛南族", "毛南" },
  { "37", "gelao", "仡佬族", "仡佬" },
  { "38", "xibe", "锡伯族", "锡伯" },
  { "39", "achang", "阿昌族", "阿昌" },
  { "40", "pumi", "普米族", "普米" },
  { "41", "tajik", "塔吉克族", "塔吉克" },
  { "42", "nu", "怒族", "怒" },
  { "43", "uzbek", "乌孜别克族", "乌孜别克" },
  { "44", "russ", "俄罗斯族", "俄罗斯" },
  { "45", "ewenki", "鄂温克族", "鄂温克" },
  { "46", "deang", "德昂族", "德昂" },
  { "47", "bonan", "保安族", "保安" },
  { "48", "yugur", "裕固族", "裕固" },
  { "49", "gin", "京族", "京" },
  { "50", "tatar", "塔塔尔族", "塔塔尔" },
  { "51", "derung", "独龙族", "独龙" },
  { "52", "oroqen", "鄂伦春族", "鄂伦春" },
  { "53", "hezhen", "赫哲族", "赫哲" },
  { "54", "monba", "门巴族", "门巴" },
  { "55", "lhoba", "珞巴族", "珞巴" },
  { "56", "jino", "基诺族", "基诺" },
};

static const Nation *
find_nation (const char *code)
{
  guint64 number = 0;

  if (code == NULL || strlen (code) != 2 || !g_ascii_isdigit (code[0]) || !g_ascii_isdigit (code[1]))
    return NULL;
  number = g_ascii_strtoull (code, NULL, 10);
  if (number < 1 || number > G_N_ELEMENTS (nations))
    return NULL;
  return &nations[number - 1];
}

const char *
anju_nation_get_name (const char *code)
{
  const Nation *nation = find_nation (code);

  return nation != NULL ? nation->name : NULL;
}

const char *
anju_nation_get_card_name (const char *code)
{
  const Nation *nation = find_nation (code);

  return nation != NULL ? nation->card_name : NULL;
}

const char *
anju_nation_get_key (const char *code)
{
  const Nation *nation = find_nation (code);

  return nation != NULL ? nation->key : NULL;
}
