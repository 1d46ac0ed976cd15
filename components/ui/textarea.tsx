"use client";

import {
  forwardRef,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "./cn";
import { controlClass } from "./control-class";

const supportsFieldSizing = () => typeof CSS !== "undefined" && CSS.supports("field-sizing", "content");

/**
 * A textarea that grows with what is typed (up to 24rem, then it scrolls), so a long note is read
 * whole while it is written. `rows` is its smallest height. CSS `field-sizing: content` does it
 * where supported; elsewhere the height follows the content on every input.
 */
export const Textarea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }
>(function Textarea({ className, invalid, rows = 3, style, onInput, ...props }, ref) {
  const inner = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => inner.current!, []);
  const fit = useCallback(() => {
    const el = inner.current;
    if (!el || supportsFieldSizing()) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, []);
  // The text a form echoes back after an error is already long: fit it before it is painted.
  useLayoutEffect(fit, [fit]);
  return (
    <textarea
      ref={inner}
      rows={rows}
      className={cn(controlClass(invalid), "max-h-96 resize-y [field-sizing:content]", className)}
      // field-sizing ignores `rows`: keep it as the least height (line 1.25rem, padding, border).
      style={{ minHeight: `calc(${rows} * 1.25rem + 1rem + 2px)`, ...style }}
      aria-invalid={invalid || undefined}
      onInput={(e) => {
        fit();
        onInput?.(e);
      }}
      {...props}
    />
  );
});
