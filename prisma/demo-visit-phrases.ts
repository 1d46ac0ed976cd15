// The words of the demo's visit records (客户拜访记录表): talking points, the customer's views and
// needs, suggestions and next steps, assembled from pools by the account's industry (what the demo
// company sells it), the visit's method and its outcome, with figures drawn for each visit. A phrase
// book remembers what it wrote and draws again on a repeat, so 1,500 records read as 1,500 visits.
import type { Industry } from "@/lib/domain/industries";
import type { seededRandom } from "@/lib/domain/random";
import type { VisitMethod, VisitOutcome } from "@/lib/domain/visits";
import { LINES_BY_INDUSTRY } from "./demo-deals";

type Random = ReturnType<typeof seededRandom>;

export type VisitText = {
  talkingPoints: string;
  customerViews: string;
  suggestions: string;
  nextStep: string;
};

export type VisitContext = {
  industry: Industry | null;
  method: VisitMethod;
  outcome: VisitOutcome | null;
  contact: { name: string; title: string | null } | null;
  city: string;
};

// `{who}` is the contact with their title; `{city}` the account's city.
const OPENERS: Record<VisitMethod, string[]> = {
  IN_PERSON: [
    "上门拜访{who}，",
    "到客户{city}工厂拜访{who}，",
    "在客户会议室与{who}及技术人员面谈，",
    "陪同技术工程师到现场拜访{who}，",
    "到客户采购部拜访{who}，",
    "与{who}在客户办公室面谈约一小时，",
  ],
  PHONE: [
    "电话联系{who}，",
    "与{who}通电话约二十分钟，",
    "电话回访{who}，",
    "{who}来电询问，",
    "按约定电话跟进{who}，",
  ],
  VIDEO: [
    "与{who}视频会议，",
    "通过腾讯会议与{who}及采购团队沟通，",
    "与{who}视频连线，技术部同事参加，",
    "与{who}及其工程部同事线上会议，",
  ],
  SEMINAR: [
    "在{city}行业展会上与{who}交流，",
    "参加客户供应商大会，会后与{who}单独沟通，",
    "在我司举办的技术研讨会上与{who}交流，",
    "在行业协会年会上与{who}交流，",
  ],
  HOSTING: [
    "接待{who}一行来我司参观工厂，",
    "接待客户考察团参观生产线和检测中心，{who}带队，",
    "接待{who}来我司做供应商现场审核，",
    "接待{who}一行参观展厅并座谈，",
  ],
};

const ASPECTS = [
  "年度框架采购",
  "试用情况",
  "价格调整",
  "交期安排",
  "质量整改",
  "技术方案",
  "送样测试",
  "付款条件",
  "新项目配套",
  "备货与库存",
  "售后服务",
  "替代进口方案",
];

// {lo-hi} is a whole number drawn in that range for each use.
const DETAILS = [
  "客户预计明年用量增长约{5-40}%",
  "目前月用量约{20-400}万元",
  "客户反馈上批次来料合格率{92-99}%",
  "对方提出单价需再降{2-12}%",
  "样品已在产线试用{1-8}周",
  "现有供应商交期已延长至{20-60}天",
  "客户计划{1-12}月启动新一轮招标",
  "对方新产线预计{1-12}月投产",
  "客户库存仅够{2-6}周生产",
  "去年同期采购额约{50-2000}万元",
  "客户共有{2-18}条产线在用同类产品",
  "对方希望在{5-30}天内拿到正式方案",
];

const CLOSINGS = [
  "，并了解了对方的审批流程",
  "，双方确认了下一步时间表",
  "，顺带介绍了我司新产品",
  "，对方提出了几点技术疑问",
  "，并交流了行业近况",
  "",
  "",
];

const VIEWS: Record<VisitOutcome, string[]> = {
  ADVANCED: [
    "对我方样品测试结果满意，认可交期承诺",
    "认可我方技术方案，希望尽快安排小批量试用",
    "同意把我司列入合格供应商名录",
    "表示年度采购中可给我方{10-30}%左右的份额",
    "对上次整改结果满意，愿意恢复正常下单",
    "采购总监已口头同意推进，等待总经理签批",
    "认可我方价格，希望锁定全年价格",
  ],
  NO_PROGRESS: [
    "表示预算尚未批复，需等集团年度预算下达",
    "暂时维持现有供应商，但愿意保持沟通",
    "内部仍在评估，需要与技术部再讨论",
    "关注点主要在价格，对技术优势兴趣一般",
    "采购负责人近期调整，新负责人还在熟悉情况",
    "认为现阶段切换供应商风险较大，想再观察{2-6}个月",
  ],
  SETBACK: [
    "对上次报价不满意，认为比竞品高{3-15}%",
    "质量部对来料不良提出投诉，要求提交8D报告",
    "竞品已给出更低报价，客户倾向于对方",
    "客户高层更换，之前的合作意向需重新确认",
    "对我方上月交货延误表示不满",
    "测试未通过，{1-3}项指标未达到客户标准",
  ],
};

const NEEDS = [
  "希望我方提供驻厂技术支持",
  "希望交期缩短到{7-20}天以内",
  "希望账期延长到{60-120}天",
  "需要我方提供VMI寄售库存",
  "需要完整的第三方检测报告",
  "希望提供操作培训",
  "希望价格按季度与原材料联动",
  "需要我方配合其ESG审核",
  "希望我方在{city}设立备件仓",
  "希望提供两套备选方案比较",
];

const SUGGESTIONS = [
  "建议安排技术部与客户工程部做一次联合评审",
  "建议邀请客户高层来我司参观",
  "建议申请特价支持，以价格切入",
  "建议先以小批量试单方式导入",
  "建议加强与使用部门的日常联系",
  "建议整理同行业成功案例供客户参考",
  "建议由大区经理出面与对方总经理会面",
  "建议提前准备招标资质文件",
  "建议每月做一次质量数据回顾",
  "建议发展技术部的内线，及时掌握测试进展",
  "建议梳理客户组织架构，找到真正的拍板人",
  "建议把服务响应时间写入合作方案",
];

const NEXT_STEPS = [
  "{3-7}日内提交修订报价",
  "下周安排技术人员上门调试",
  "月底前寄送第二批样品",
  "{3-10}天后电话跟进测试结果",
  "准备年度合作方案并提交内部审批",
  "约客户采购总监下周面谈",
  "整理8D报告，{3-7}日内回复客户质量部",
  "安排客户来我司参观，待确认时间",
  "发送产品资料和案例给对方技术部",
  "协调生产部确认{10-25}天交期的可行性",
  "跟进客户内部预算审批进度",
  "申请礼品馈赠，节前拜访关键联系人",
];

const figures = (r: Random, text: string) =>
  text.replace(/\{(\d+)-(\d+)\}/g, (_m, lo: string, hi: string) => String(r.int(Number(lo), Number(hi))));

/** A phrase book for one seed run: the same random gives the same texts. */
export function visitPhraseBook(r: Random) {
  const seen = new Set<string>();

  function talkingPoints(ctx: VisitContext): string {
    const lines = LINES_BY_INDUSTRY[ctx.industry ?? "MACHINERY"] ?? LINES_BY_INDUSTRY.MACHINERY;
    const products = r.pick(lines).products.split("、");
    const who = ctx.contact ? `${ctx.contact.title ?? ""}${ctx.contact.name}` : "客户采购负责人";
    const opener = r.pick(OPENERS[ctx.method]).replace("{who}", who).replace("{city}", ctx.city);
    return `${opener}就${r.pick(products)}的${r.pick(ASPECTS)}进行沟通：${figures(r, r.pick(DETAILS))}${r.pick(CLOSINGS)}。`;
  }

  function customerViews(ctx: VisitContext): string {
    const view = figures(r, r.pick(VIEWS[ctx.outcome ?? "NO_PROGRESS"]));
    if (!r.chance(0.6)) return `${view}。`;
    return `${view}；同时${figures(r, r.pick(NEEDS)).replace("{city}", ctx.city)}。`;
  }

  function suggestions(): string {
    const first = r.pick(SUGGESTIONS);
    const second = r.pick(SUGGESTIONS);
    return second === first || r.chance(0.4) ? `${first}。` : `${first}；${second}。`;
  }

  /** The texts of one visit, the talking points distinct from every earlier one in this book. */
  function visit(ctx: VisitContext): VisitText {
    let text = talkingPoints(ctx);
    for (let tries = 0; seen.has(text) && tries < 20; tries++) text = talkingPoints(ctx);
    seen.add(text);
    return {
      talkingPoints: text,
      customerViews: customerViews(ctx),
      suggestions: suggestions(),
      nextStep: figures(r, r.pick(NEXT_STEPS)),
    };
  }

  return { visit };
}
