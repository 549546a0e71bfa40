// Inside the coach shell: the menu stays while a page loads.
export { default } from "@/components/page-loading";
