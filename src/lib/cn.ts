// Joins class names and lets a later Tailwind class win over an earlier one
// (the usual `cn` of shadcn-style components).
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
