"use client";
// Inside the owner shell: a page that fails keeps the menu and offers a retry.
export { default } from "../error";
