"use client";
// Inside the member shell: a page that fails keeps the menu and offers a retry.
export { default } from "../error";
