// Industry codes used on account profiles and in segmentation (labels live in the catalogues).
export const INDUSTRIES = [
  "AUTOMOTIVE", // 汽车及零部件
  "ELECTRONICS", // 电子与半导体
  "MACHINERY", // 装备制造
  "CHEMICALS", // 化工与新材料
  "PHARMA", // 医药与医疗器械
  "FOOD", // 食品饮料
  "RETAIL", // 零售与连锁
  "LOGISTICS", // 物流与供应链
  "ENERGY", // 能源与电力
  "CONSTRUCTION", // 建筑与地产
  "IT", // 信息技术
  "FINANCE", // 金融
  "HOME", // 家电与家居
  "TEXTILE", // 纺织服装
] as const;

export type Industry = (typeof INDUSTRIES)[number];

export const isIndustry = (v: unknown): v is Industry =>
  typeof v === "string" && (INDUSTRIES as readonly string[]).includes(v);
