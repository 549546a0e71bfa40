"use client";
// Inside the coach shell: a page that fails keeps the menu and offers a retry.
export { default } from "../error";
