// An organisation of its own for the targets tests, away from the demo data: a top-level team
// (which never gets a target of its own, so the organisation's figures stay the demo's) over two
// regions, each with a manager and people. Everything the tests write is dated 2030–2031.
import { db } from "@/lib/db";
import { teamRow, uniqueSuffix, userRow } from "../../factories/org";
import { viewerFor } from "../helpers";

export const LAST_YEAR = 2030;
export const YEAR = 2031;

export async function targetsOrg() {
  const s = uniqueSuffix();
  const ids = {
    root: `tgt_root_${s}`,
    a: `tgt_a_${s}`,
    b: `tgt_b_${s}`,
    rootManager: `tgt_rootm_${s}`,
    aManager: `tgt_am_${s}`,
    aKam: `tgt_akam_${s}`,
    aRep: `tgt_arep_${s}`,
    bManager: `tgt_bm_${s}`,
    bRep: `tgt_brep_${s}`,
  };
  await db.team.create({ data: teamRow({ id: ids.root, name: `Targets root ${s}` }) });
  await db.team.create({ data: teamRow({ id: ids.a, name: `Targets A ${s}`, parentId: ids.root }) });
  await db.team.create({ data: teamRow({ id: ids.b, name: `Targets B ${s}`, parentId: ids.root }) });
  const person = (id: string, role: "MANAGER" | "KAM" | "REP", teamId: string) =>
    userRow({ id, role, teamId, passwordHash: "not-a-hash", name: `目标 ${id}` });
  await db.user.createMany({
    data: [
      person(ids.rootManager, "MANAGER", ids.root),
      person(ids.aManager, "MANAGER", ids.a),
      person(ids.aKam, "KAM", ids.a),
      person(ids.aRep, "REP", ids.a),
      person(ids.bManager, "MANAGER", ids.b),
      person(ids.bRep, "REP", ids.b),
    ],
  });
  const viewers = {
    admin: await viewerFor("usr_admin"),
    root: await viewerFor(ids.rootManager),
    a: await viewerFor(ids.aManager),
    b: await viewerFor(ids.bManager),
    aKam: await viewerFor(ids.aKam),
    aRep: await viewerFor(ids.aRep),
  };
  return { ids, viewers };
}

/** Twelve months of yuan as the form sends them (m1…m12). */
export const monthFields = (values: (string | number)[]) =>
  Object.fromEntries(values.map((v, i) => [`m${i + 1}`, String(v)]));

export const yuanMonths = (values: number[]) => values.map((v) => BigInt(v) * 100n);
