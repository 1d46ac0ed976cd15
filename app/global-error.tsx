"use client";

// Rendered when even the root layout failed (e.g. the database is unreachable), so no
// translations are available: say it in both languages.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          padding: "3rem 1rem",
          textAlign: "center",
          color: "#0f172a",
        }}
      >
        <h1 style={{ fontSize: "1.5rem" }}>暂时无法提供服务 · Keystone is temporarily unavailable</h1>
        <p style={{ color: "#475569" }}>
          请稍后重试，您的数据不会丢失。 Please try again in a moment; no data has been lost.
        </p>
        <button type="button" onClick={reset} style={{ marginTop: "1.5rem", padding: "0.5rem 1rem" }}>
          重试 · Try again
        </button>
      </body>
    </html>
  );
}
