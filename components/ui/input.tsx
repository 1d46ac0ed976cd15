import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { controlClass } from "./control-class";

export { controlClass };

export const Input = forwardRef<
  HTMLInputElement,
  InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }
>(function Input({ className, invalid, ...props }, ref) {
  return (
    <input
      ref={ref}
      className={cn(controlClass(invalid), "h-11 sm:h-10", className)}
      aria-invalid={invalid || undefined}
      {...props}
    />
  );
});

export const Select = forwardRef<
  HTMLSelectElement,
  SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }
>(function Select({ className, invalid, ...props }, ref) {
  return (
    <select
      ref={ref}
      className={cn(controlClass(invalid), "h-11 pr-8 sm:h-10", className)}
      aria-invalid={invalid || undefined}
      {...props}
    />
  );
});

// Grows with its content (a client component of its own).
export { Textarea } from "./textarea";
