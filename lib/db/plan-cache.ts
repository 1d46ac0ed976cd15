// Prisma 6's query compiler (WebAssembly) plans every query from scratch: under 25 concurrent
// users it was 11% of the app process's CPU (bench:load --profile), more than any other library
// but React. The plan of a query depends only on the query itself (model, arguments, selection —
// values included, Prisma 6 does not parameterise them: "ORM-508" in its ClientEngine) and the
// schema, so a read asked again with the same arguments can reuse its plan. Pages ask the same
// questions again and again (the viewer's team, the territory list, a record's owner options…).
//
// Only reads are cached (model reads and $queryRaw — the hand-written hot reads and the session's
// viewer, cheap to plan but asked on every request), and only small ones; writes carry their data
// and are seldom repeated.
// Plans are frozen: the executor only reads them, and anything that tried to change a shared plan
// would throw instead of corrupting the next request.
import { QueryCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";

const MAX_PLANS = 1_000;
const MAX_REQUEST_CHARS = 8_000;
const READ =
  /^\{(?:"modelName":"\w+",)?"action":"(findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|aggregate|groupBy|count|queryRaw)"/;

type Compiler = { compile(request: string): unknown };

const stats = { hits: 0, misses: 0, uncached: 0 };

/** How often a plan was reused (bench and tests read this). */
export function planCacheStats(): Readonly<typeof stats> {
  return { ...stats };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let installed = false;

/**
 * Puts a least-recently-used plan cache (one per compiler, i.e. per schema) in front of compile().
 * KEYSTONE_QUERY_PLAN_CACHE=0 leaves Prisma as it is (to compare, or should a Prisma upgrade
 * change what a plan is).
 */
export function cacheQueryPlans(): void {
  if (installed || process.env.KEYSTONE_QUERY_PLAN_CACHE === "0") return;
  installed = true;
  const proto = QueryCompiler.prototype as Compiler;
  const compile = proto.compile;
  const caches = new WeakMap<object, Map<string, unknown>>();
  proto.compile = function (this: Compiler, request: string) {
    if (request.length > MAX_REQUEST_CHARS || !READ.test(request)) {
      stats.uncached++;
      return compile.call(this, request);
    }
    let plans = caches.get(this);
    if (!plans) caches.set(this, (plans = new Map()));
    let plan = plans.get(request);
    if (plan !== undefined) {
      stats.hits++;
      plans.delete(request); // most recently used goes last
    } else {
      stats.misses++;
      plan = deepFreeze(compile.call(this, request));
      if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value!);
    }
    plans.set(request, plan);
    return plan;
  };
}
