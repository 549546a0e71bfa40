// Inside the member shell: the menu stays while a page loads.
export { default } from "@/components/page-loading";
