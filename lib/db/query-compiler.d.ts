// The WebAssembly query compiler's JavaScript side (the generated client loads it; it ships no types).
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export class QueryCompiler {
    compile(request: string): unknown;
  }
}
