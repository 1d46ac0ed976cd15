import "server-only";
import { db, type Tx } from "@/lib/db";
import { canSetTarget, hasCapability, type Viewer } from "@/lib/domain/access";
import { parseSubject, subjectKey, type SubjectKey } from "@/lib/domain/targets";
import { forbidden, notFound } from "@/lib/errors";

type Client = Tx | typeof db;

export type TargetSubject = {
  kind: "team" | "user";
  id: string;
  key: SubjectKey;
  /** The person's team, or the team itself. */
  teamId: string | null;
  name: string;
};

const inSight = (viewer: Viewer, teamId: string | null) =>
  teamId !== null && (viewer.visibleTeamIds === "all" || viewer.visibleTeamIds.includes(teamId));

/** The team's name in the viewer's language. */
export const teamName = (viewer: Viewer, team: { name: string; nameZh: string | null }) =>
  viewer.locale === "zh-CN" ? (team.nameZh ?? team.name) : team.name;

/**
 * A subject whose targets the viewer may see, or NOT_FOUND: oneself always; with kpi.team, any
 * team or person in the viewer's subtree. Everything else answers exactly like an unknown id.
 */
export async function scopedSubject(client: Client, viewer: Viewer, key: string): Promise<TargetSubject> {
  const parsed = parseSubject(key);
  if (!parsed) throw notFound("target");
  const seesTeams = hasCapability(viewer, "kpi.team");
  if (parsed.kind === "user") {
    if (parsed.id !== viewer.id && !seesTeams) throw notFound("target");
    const user = await client.user.findUnique({
      where: { id: parsed.id },
      select: { id: true, name: true, teamId: true },
    });
    if (!user || (user.id !== viewer.id && !inSight(viewer, user.teamId))) throw notFound("target");
    return {
      kind: "user",
      id: user.id,
      key: subjectKey("user", user.id),
      teamId: user.teamId,
      name: user.name,
    };
  }
  if (!seesTeams || !inSight(viewer, parsed.id)) throw notFound("target");
  const team = await client.team.findFirst({
    where: { id: parsed.id, deletedAt: null },
    select: { id: true, name: true, nameZh: true },
  });
  if (!team) throw notFound("target");
  return {
    kind: "team",
    id: team.id,
    key: subjectKey("team", team.id),
    teamId: team.id,
    name: teamName(viewer, team),
  };
}

export const mayEditSubject = (viewer: Viewer, s: Pick<TargetSubject, "kind" | "id" | "teamId">) =>
  canSetTarget(
    viewer,
    s.kind === "team" ? { kind: "team", teamId: s.id } : { kind: "user", userId: s.id, teamId: s.teamId },
  );

/** A subject the viewer may set targets for: NOT_FOUND out of sight, FORBIDDEN in sight but not theirs to set. */
export async function subjectForChange(client: Client, viewer: Viewer, key: string): Promise<TargetSubject> {
  const subject = await scopedSubject(client, viewer, key);
  if (!mayEditSubject(viewer, subject)) throw forbidden();
  return subject;
}
