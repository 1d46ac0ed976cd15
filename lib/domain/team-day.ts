// The manager's view of the day: per person in scope, what they planned and did today and this week,
// and their check-ins, each flagged when it was farther from the account than the admin's radius.
// Pure: the rows come in already limited to the week; this sorts them into days and counts.
import { chinaDate, type IsoDate } from "./calendar";

export type TeamPlanRow = {
  id: string;
  ownerId: string;
  plannedStart: Date;
  status: string;
  accountId: string;
  accountName: string;
};

export type TeamRecordRow = {
  id: string;
  ownerId: string;
  visitedAt: Date;
  accountId: string;
  accountName: string;
  outcome: string | null;
  checkInAt: Date | null;
  checkInDistanceM: number | null;
};

export type CheckIn = TeamRecordRow & { checkInAt: Date; far: boolean };

export type PersonDay = {
  personId: string;
  today: { plans: TeamPlanRow[]; records: TeamRecordRow[] };
  week: { plans: number; records: number; accounts: number; checkIns: number; farCheckIns: number };
  /** The week's check-ins, latest first. */
  checkIns: CheckIn[];
};

/** Farther than the radius from the account's saved location (unknown distance is not flagged). */
export function isFarCheckIn(distanceM: number | null, radiusM: number): boolean {
  return distanceM !== null && distanceM > radiusM;
}

export function summariseTeamDay(
  people: readonly { id: string }[],
  plans: readonly TeamPlanRow[],
  records: readonly TeamRecordRow[],
  today: IsoDate,
  radiusM: number,
): PersonDay[] {
  const byTime =
    <T>(at: (x: T) => Date) =>
    (a: T, b: T) =>
      at(a).getTime() - at(b).getTime();
  return people.map(({ id }) => {
    const own = plans.filter((p) => p.ownerId === id && p.status !== "CANCELLED");
    const done = records.filter((r) => r.ownerId === id);
    const checkIns = done
      .filter((r): r is TeamRecordRow & { checkInAt: Date } => r.checkInAt !== null)
      .map((r) => ({ ...r, far: isFarCheckIn(r.checkInDistanceM, radiusM) }))
      .sort((a, b) => b.checkInAt.getTime() - a.checkInAt.getTime());
    return {
      personId: id,
      today: {
        plans: own.filter((p) => chinaDate(p.plannedStart) === today).sort(byTime((p) => p.plannedStart)),
        records: done.filter((r) => chinaDate(r.visitedAt) === today).sort(byTime((r) => r.visitedAt)),
      },
      week: {
        plans: own.length,
        records: done.length,
        accounts: new Set(done.map((r) => r.accountId)).size,
        checkIns: checkIns.length,
        farCheckIns: checkIns.filter((c) => c.far).length,
      },
      checkIns,
    };
  });
}
